package dev.kroll.rollout.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.rollout.wire.PlannedConfigs;
import dev.kroll.sandbox.KafkaDistribution;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Everything the planner renders besides server.properties and zoo.cfg reaches the host through the
 * playbooks' {@code render} step, over real SSH, with the rendered bytes and modes — env files, log4j
 * configurations with the inventory's rotation, the planner's client-ssl.properties (0640), Datadog's
 * conf.d files in the agent's directory or the JMX exporter's rules and agent option, and on a systemd
 * inventory the units with their limits and stop timeouts — and the broker started by the playbook really logs through the rendered log4j
 * configuration: with a 16 KiB rotation size its server.log has rolled over by the time it is registered.
 */
@KrollSandbox(hosts = 1, cluster = false)
class ServiceFilesOnSandboxIT {

    @Test
    void theRenderStepInstallsEveryServiceFileAndTheBrokerLogsThroughTheRenderedLog4j(SandboxCluster cluster) throws Exception {
        Path dir = cluster.inventoryFile().getParent();
        Host host = cluster.host(0);
        Path home = cluster.sandbox().layout().home(host.name());
        String yaml = Files.readString(cluster.inventoryFile());
        assertTrue(yaml.contains("services:\n") && yaml.contains("  manager: script\n"), yaml);
        // Datadog's conf.d and the unit directory inside the (one) host's tree
        String around = yaml.replace("services:\n", "services:\n  log_rotation:\n    file_size: 16KiB\n    files: 3\n")
                + "monitoring:\n  agent: datadog\n  datadog_conf_dir: " + home + "/etc/datadog-agent/conf.d\n";
        Path inv = dir.resolve("around.yaml");
        Files.writeString(inv, around);
        Path systemdInv = dir.resolve("around-systemd.yaml");
        Files.writeString(systemdInv, around.replace("  manager: script\n", "  manager: systemd\n  unit_dir: " + home + "/etc/systemd/system\n"));
        Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(dir.resolve("playbooks/render-only.yaml"), "steps:\n  - render:\n      phase: plaintext\n");
        Files.writeString(dir.resolve("playbooks/bring-up.yaml"), "params:\n  kafka-distribution: {}\nsteps:\n"
                + "  - install:\n      source: ${kafka-distribution}\n"
                + "  - render:\n      phase: plaintext\n"
                // one ZooKeeper server runs standalone, with no leader for wait-quorum to wait for
                + "  - start-zookeeper-ensemble: {}\n"
                + "  - start-brokers:\n      timeout: 3m\n");

        // a systemd inventory: only rendered (the sandbox host runs no systemd)
        KrollRun units = KrollRun.of("run", "render-only", "-i", systemdInv.toString(), "--yes");
        assertEquals(0, units.code(), units.out() + units.err());
        assertInstalled(KrollYaml.load(systemdInv), host, home, Set.of("kafka.service", "zookeeper.service"));
        String kafkaUnit = Files.readString(home.resolve("etc/systemd/system/kafka.service"));
        assertTrue(kafkaUnit.contains("\nLimitNOFILE=128000\n") && kafkaUnit.contains("\nTimeoutStopSec=300\n"), kafkaUnit);
        assertTrue(kafkaUnit.contains("\nEnvironmentFile=" + home + "/etc/kafka/kafka.env\n"), kafkaUnit);
        String zkUnit = Files.readString(home.resolve("etc/systemd/system/zookeeper.service"));
        assertTrue(zkUnit.contains("\nLimitNOFILE=100000\n") && zkUnit.contains("\nTimeoutStopSec=60\n"), zkUnit);

        // Prometheus instead of Datadog: the exporter's rules beside the configuration, the agent in the broker's JVM options
        Path prometheusInv = dir.resolve("around-prometheus.yaml");
        Files.writeString(prometheusInv, yaml + "monitoring:\n  agent: prometheus\n  exporter_jar: /opt/jmx-exporter/jmx_prometheus_javaagent.jar\n");
        KrollRun exporter = KrollRun.of("run", "render-only", "-i", prometheusInv.toString(), "--yes");
        assertEquals(0, exporter.code(), exporter.out() + exporter.err());
        assertInstalled(KrollYaml.load(prometheusInv), host, home, Set.of("jmx-exporter.yaml", "kafka.env"));
        String env = Files.readString(home.resolve("etc/kafka/kafka.env"));
        assertTrue(env.contains("\nKAFKA_OPTS=\"-javaagent:/opt/jmx-exporter/jmx_prometheus_javaagent.jar=" + host.address() + ":7071:"
                + home + "/etc/kafka/jmx-exporter.yaml\"\n"), env);

        // the script-managed inventory: install, render, start; the services read what was rendered
        KrollRun up = KrollRun.of("run", "bring-up", "-i", inv.toString(), "--yes", "--poll", "500ms",
                "--param", "kafka-distribution=" + KafkaDistribution.locate().tarball());
        assertEquals(0, up.code(), up.out() + up.err());
        assertInstalled(KrollYaml.load(inv), host, home, Set.of("kafka.env", "zookeeper.env", "log4j.properties",
                "log4j-zookeeper.properties", "client-ssl.properties", "kafka.d/conf.yaml", "zk.d/conf.yaml", "process.d/conf.yaml"));

        String log4j = Files.readString(home.resolve("etc/kafka/log4j.properties"));
        assertTrue(log4j.contains("log4j.appender.kafkaAppender.MaxFileSize=16KB\nlog4j.appender.kafkaAppender.MaxBackupIndex=3\n"), log4j);
        Path logs = home.resolve("var/log/kafka");
        // the rolled-over file exists only if the broker logged through the rendered appender
        Path rolled = logs.resolve("server.log.1");
        assertTrue(Files.exists(rolled), "no " + rolled + " in " + list(logs));
        String first = Files.readAllLines(rolled).get(0);
        assertTrue(first.matches("\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}] (INFO|WARN|ERROR|DEBUG|TRACE) .* \\(\\S+\\)"), first);
        assertFalse(Files.exists(logs.resolve("server.log.4")), "at most 3 rolled files: " + list(logs));
        // log4j rolls over once a write takes the file to MaxFileSize (one long event may overshoot it)
        assertTrue(Files.size(rolled) >= 16 * 1024, "rolled before reaching 16 KiB: " + Files.size(rolled));
        assertTrue(Files.exists(logs.resolve("zookeeper.log")), list(logs));
        assertTrue(Files.exists(logs.resolve("kafka-gc.log")), list(logs));
        String ssl = Files.readString(home.resolve("etc/kafka/ssl/client-ssl.properties"));
        assertTrue(ssl.contains("ssl.keystore.password=${file:" + home + "/etc/kafka/ssl/ssl.secrets:client.keystore.password}"), ssl);
    }

    /** Every rendered file is on the host with the rendered bytes and mode; {@code expected} names some that must be among them. */
    private static void assertInstalled(Inventory inv, Host host, Path home, Set<String> expected) throws Exception {
        List<RenderedFile> files = PlannedConfigs.load(inv).render(host, ListenerPhase.PLAINTEXT);
        Set<String> seen = files.stream().map(f -> f.path().substring(f.path().lastIndexOf('/', f.path().lastIndexOf('/') - 1) + 1))
                .collect(Collectors.toSet());
        for (String e : expected) {
            assertTrue(seen.stream().anyMatch(s -> s.endsWith(e)), e + " is not rendered: " + seen);
        }
        for (RenderedFile f : files) {
            Path onHost = Path.of(f.path());
            assertTrue(onHost.startsWith(home), "outside the host's tree: " + onHost);
            assertTrue(Files.exists(onHost), "missing on the host: " + onHost);
            assertArrayEquals(f.content(), Files.readAllBytes(onHost), onHost.toString());
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(onHost);
            assertEquals(Integer.toOctalString(f.mode()), octal(mode), onHost + " " + PosixFilePermissions.toString(mode));
        }
    }

    private static String octal(Set<PosixFilePermission> p) {
        int m = 0;
        for (PosixFilePermission x : p) {
            m |= 1 << (8 - x.ordinal());
        }
        return Integer.toOctalString(m);
    }

    private static String list(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.joining(", "));
        }
    }

}
