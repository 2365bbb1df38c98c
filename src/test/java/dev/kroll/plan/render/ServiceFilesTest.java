package dev.kroll.plan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryValidator;
import dev.kroll.inventory.InventoryWriter;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.inventory.LogRotation;
import dev.kroll.plan.IdRegistry;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.plan.Plan;
import dev.kroll.plan.Planner;
import dev.kroll.util.ByteSize;
import dev.kroll.util.Problem;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The service files follow the inventory's {@code services:} section: unit directory and log rotation. */
class ServiceFilesTest {

    private static final String HOSTS = "cluster: {name: test}\n"
            + "hosts:\n"
            + "  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}\n";

    private static Inventory parse(String yaml, List<Problem> problems) {
        Path file = Path.of("cluster.yaml");
        Inventory inv = KrollYaml.read(YamlTrees.parse(yaml, file), file, problems);
        problems.addAll(InventoryValidator.validate(inv));
        return inv;
    }

    private static Map<String, RenderedFile> render(Inventory inv) {
        Plan plan = Planner.plan(inv, IdRegistry.empty(inv.cluster()), Map.of(), false);
        assertTrue(!plan.hasErrors(), plan.problems().toString());
        return HostRenderer.render(plan, plan.host("a").orElseThrow(), ListenerPhase.PLAINTEXT).stream()
                .collect(Collectors.toMap(RenderedFile::name, f -> f));
    }

    @Test
    void logRotationFromTheInventoryReachesEveryBusyLogAndTheGcLog() {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = parse(HOSTS + "services:\n  log_rotation: {file_size: 16KiB, files: 3}\n", problems);
        assertEquals(List.of(), problems.stream().filter(Problem::isError).map(Problem::format).toList());
        assertEquals(new LogRotation(16 * ByteSize.KIB, 3), inv.services().logRotation());
        Map<String, RenderedFile> files = render(inv);
        String kafka = files.get("log4j.properties").content();
        for (String appender : List.of("kafkaAppender", "controllerAppender", "stateChangeAppender")) {
            assertTrue(kafka.contains("log4j.appender." + appender + ".MaxFileSize=16KB\nlog4j.appender." + appender + ".MaxBackupIndex=3\n"), kafka);
        }
        assertTrue(files.get("log4j-zookeeper.properties").content().contains(".MaxFileSize=16KB\nlog4j.appender.zookeeperAppender.MaxBackupIndex=3\n"));
        assertTrue(files.get("kafka.env").content().contains("-gc.log:time,tags:filecount=3,filesize=16K\""), files.get("kafka.env").content());
        assertTrue(files.get("zookeeper.env").content().contains("-gc.log:time,tags:filecount=3,filesize=16K\""));
        // and it survives a write and a read of the inventory
        Inventory again = parse(InventoryWriter.toYaml(inv), new ArrayList<>());
        assertEquals(inv.services(), again.services());
    }

    @Test
    void withoutLogRotationTheFilesRollAtOneHundredMegabytesKeepingTen() {
        Map<String, RenderedFile> files = render(parse(HOSTS, new ArrayList<>()));
        assertTrue(files.get("log4j.properties").content().contains("kafkaAppender.MaxFileSize=100MB\nlog4j.appender.kafkaAppender.MaxBackupIndex=10\n"));
        assertTrue(files.get("kafka.env").content().contains("filecount=10,filesize=100M\""));
    }

    @Test
    void aLogFileSizeBelowFourKibibytesIsAnErrorAtItsLine() {
        List<Problem> problems = new ArrayList<>();
        parse(HOSTS + "services:\n  log_rotation:\n    file_size: 100\n", problems);
        assertEquals(List.of("cluster.yaml:6:16: error: services.log_rotation.file_size '100' is below 4KiB — use at least 4KiB (the default is 100MiB)"),
                problems.stream().filter(Problem::isError).map(Problem::format).toList());
    }

    @Test
    void aRelativeUnitDirectoryIsAnErrorAtItsLine() {
        List<Problem> problems = new ArrayList<>();
        parse(HOSTS + "services:\n  unit_dir: etc/systemd\n", problems);
        assertEquals(List.of("cluster.yaml:5:13: error: services.unit_dir 'etc/systemd' is not an absolute path — use e.g. /etc/systemd/system"),
                problems.stream().filter(Problem::isError).map(Problem::format).toList());
    }

    @Test
    void systemdUnitsGoToTheInventorysUnitDirectory() {
        Map<String, RenderedFile> byDefault = render(parse(HOSTS, new ArrayList<>()));
        assertEquals("/etc/systemd/system/kafka.service", byDefault.get("kafka.service").path());
        Map<String, RenderedFile> files = render(parse(HOSTS + "services:\n  unit_dir: /usr/lib/systemd/system/\n", new ArrayList<>()));
        assertEquals("/usr/lib/systemd/system/kafka.service", files.get("kafka.service").path());
        assertEquals("/usr/lib/systemd/system/zookeeper.service", files.get("zookeeper.service").path());
        String unit = files.get("kafka.service").content();
        assertTrue(unit.contains("\nTimeoutStopSec=300\n") && unit.contains("\nLimitNOFILE=128000\n"), unit);
    }
}
