package dev.kroll.rollout.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.plan.IdRegistryStore;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.DryRunReport;
import dev.kroll.rollout.engine.RunOutcome;
import dev.kroll.rollout.engine.RunParams;
import dev.kroll.rollout.local.LocalCluster;
import dev.kroll.rollout.local.LocalRollout;
import dev.kroll.rollout.port.RenderedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with kroll's real planner and renderers behind the {@code ClusterPlan} port. */
class PlannedConfigsTest {

    @TempDir
    Path root;

    @Test
    void idsComeFromTheRegistryAndEveryFileNamesTheServiceThatReadsIt() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        PlannedConfigs plan = PlannedConfigs.load(c.inventory());
        Host kafka2 = c.inventory().host("kafka2").orElseThrow();
        assertEquals(2, plan.brokerId(kafka2));
        assertEquals(2, plan.zookeeperId(kafka2));
        assertTrue(Files.exists(IdRegistryStore.of(c.inventory()).file()), "new IDs are saved, so they never move");

        Map<String, Role> services = plan.render(kafka2, ListenerPhase.SSL_ADDED).stream()
                .collect(Collectors.toMap(RenderedFile::path, f -> f.service() == null ? Role.KAFKA : f.service()));
        assertEquals(Role.KAFKA, services.get("/etc/kafka/server.properties"));
        assertEquals(Role.ZOOKEEPER, services.get("/etc/kafka/zoo.cfg"));
        assertEquals(Role.ZOOKEEPER, services.get("/var/lib/zookeeper/myid"));
        assertTrue(plan.render(kafka2, ListenerPhase.SSL_ADDED).stream().allMatch(f -> f.service() != null && !f.secret()));
        assertEquals(0640, plan.render(kafka2, ListenerPhase.SSL_ADDED).stream()
                .filter(f -> f.path().endsWith("client-ssl.properties")).findFirst().orElseThrow().mode());
    }

    @Test
    void sslMigrationWithTheRealRenderedConfigurationEndsWithOnlyTheSslListener() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c, new Rollout(c.inventory(), c.backend(PlannedConfigs.load(c.inventory())),
                LocalRollout.FAST, Clock.systemUTC()));
        r.startPlaintext();
        assertEquals(RunOutcome.SUCCEEDED, r.run("ssl-migration").outcome());

        String sp = Files.readString(c.onHost("kafka3", "/etc/kafka/server.properties"));
        assertTrue(sp.contains("\nlisteners=SSL://127.0.0.13:9093\n"), sp);
        assertTrue(sp.contains("\nlistener.name.ssl.ssl.client.auth=required\n"), sp);
        assertTrue(sp.contains("\ninter.broker.listener.name=SSL\n"), sp);
        assertEquals(List.of("kafka3 start kafka phase=plaintext", "kafka3 start kafka phase=ssl-added",
                "kafka3 start kafka phase=ssl-inter-broker", "kafka3 start kafka phase=ssl-only"), c.events("kafka3", "start kafka"));
    }

    @Test
    void aDryRunOfTheSecondRollShowsOnlyTheInterBrokerListenerChange() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        Rollout rollout = new Rollout(c.inventory(), c.backend(PlannedConfigs.load(c.inventory())), LocalRollout.FAST, Clock.systemUTC());
        LocalRollout r = new LocalRollout(c, rollout);
        r.startPlaintext();
        DryRunReport report = rollout.dryRun(rollout.load("ssl-migration"), new RunParams(Map.of()));
        List<DryRunReport.FileChange> roll2 = report.fileChanges().stream().filter(f -> f.step() == 3).toList();
        assertEquals(3, roll2.size());
        assertTrue(roll2.get(0).diff().contains("\n-inter.broker.listener.name=PLAINTEXT\n+inter.broker.listener.name=SSL"), roll2.get(0).diff());
        assertTrue(roll2.stream().noneMatch(f -> f.diff().contains("+listeners=")), "listeners changed in roll 1, not in roll 2");
    }
}
