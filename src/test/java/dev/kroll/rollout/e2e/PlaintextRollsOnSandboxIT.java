package dev.kroll.rollout.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.cli.Main;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.gate.PartitionState;
import dev.kroll.rollout.wire.KafkaAdmin;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;

/**
 * kroll's engine against a real 3-host sandbox (SSH hosts on loopback, real ZooKeeper and Kafka
 * processes) through the command line and the real SSH backend: rolling restart behind the gates,
 * refusal when a broker is stopped, and automatic revert of a configuration a broker cannot start with.
 */
@KrollSandbox(hosts = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaintextRollsOnSandboxIT {

    record Result(int code, String out, String err) {
    }

    static Result kroll(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void topic(SandboxCluster cluster) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic("orders", 6, (short) 3))).all().get(60, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void heal(SandboxCluster cluster) throws Exception {
        cluster.heal();
        SandboxHealth.awaitInSync(cluster);
    }

    @Test
    @Order(1)
    void aRollingRestartRestartsEveryBrokerOnceWithTheControllerLast(SandboxCluster cluster) {
        Map<String, Long> pids = new HashMap<>();
        for (Host h : cluster.hosts(Role.KAFKA)) {
            pids.put(h.name(), cluster.process(h, Role.KAFKA).orElseThrow().pid());
        }

        Result r = kroll("run", "rolling-restart", "-i", cluster.inventoryFile().toString(), "--yes", "--poll", "500ms");

        assertEquals(0, r.code(), r.out() + r.err());
        for (Host h : cluster.hosts(Role.KAFKA)) {
            assertNotEquals(pids.get(h.name()), cluster.process(h, Role.KAFKA).orElseThrow().pid(), h.name() + " was restarted");
        }
        List<String> restarted = r.out().lines().filter(l -> l.matches("    \\S+: restart-kafka changed.*")).map(l -> l.trim().split(":")[0]).toList();
        assertEquals(3, restarted.size(), r.out());
        String ready = r.out().lines().filter(l -> l.contains("ok: cluster ready to roll")).findFirst().orElseThrow();
        int controller = Integer.parseInt(ready.replaceAll(".*controller (\\d+).*", "$1"));
        Host last = cluster.hosts(Role.KAFKA).stream().filter(h -> h.name().equals(restarted.get(2))).findFirst().orElseThrow();
        assertEquals(controller, cluster.brokerId(last), "the controller goes last: " + ready + "\n" + r.out());
        assertTrue(r.out().contains("waiting: broker "), "the gates waited and said why:\n" + r.out());
    }

    @Test
    @Order(2)
    void aStoppedBrokerMakesRollingRestartRefuseWithExit3(SandboxCluster cluster) {
        Host victim = cluster.host(2);
        cluster.stop(victim, Role.KAFKA);
        int victimId = cluster.brokerId(victim);

        Result r = kroll("run", "rolling-restart", "-i", cluster.inventoryFile().toString(), "--yes", "--poll", "500ms");

        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("kroll: step 1 (Restart the brokers, active controller last): cluster ready to roll refused: broker "
                + victimId + " (" + victim.name() + ") is not registered (nothing has been changed)"), r.err());
    }

    @Test
    @Order(3)
    void aBrokerGivenAConfigurationItCannotStartWithIsRevertedAndTheClusterEndsHealthy(SandboxCluster cluster) throws Exception {
        // the SSL listener without any certificate on the hosts: a broker cannot start with that
        Path playbook = cluster.inventoryFile().resolveSibling("playbooks").resolve("ssl-without-certs.yaml");
        Files.createDirectories(playbook.getParent());
        Files.writeString(playbook, "steps:\n  - roll-brokers:\n      phase: ssl-added\n      stall-timeout: 90s\n");

        Result r = kroll("run", "ssl-without-certs", "-i", cluster.inventoryFile().toString(), "--yes", "--poll", "500ms");

        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("did not come back healthy with the ssl-added configuration"), r.err());
        assertTrue(r.err().contains("restored the previous ") && r.err().contains("and restarted it: healthy again"), r.err());
        // every broker runs on PLAINTEXT again and the cluster is healthy
        Result status = kroll("run", "rolling-restart", "-i", cluster.inventoryFile().toString(), "--dry-run");
        assertEquals(0, status.code(), status.err());
        for (Host h : cluster.hosts(Role.KAFKA)) {
            assertTrue(cluster.process(h, Role.KAFKA).isPresent(), h.name() + " runs");
            String sp = Files.readString(cluster.sandbox().layout().home(h.name()).resolve("etc/kafka/server.properties"));
            assertTrue(sp.contains("listener phase plaintext"), h.name() + ":\n" + sp);
        }
        cluster.awaitBrokers();
    }

    @Test
    @Order(4)
    void aPerTopicMinInsyncReplicasOverrideIsReadFromTheBrokersAndRefusesTheRoll(SandboxCluster cluster) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            // RF 3 with min.insync.replicas 3 on this topic only (the brokers' default is 2): no broker of it may stop
            admin.createTopics(List.of(new NewTopic("ledger", 1, (short) 3).configs(Map.of("min.insync.replicas", "3"))))
                    .all().get(60, TimeUnit.SECONDS);
            try {
                SandboxHealth.awaitInSync(cluster);
                try (KafkaAdmin kroll = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()),
                        java.time.Duration.ofSeconds(30))) {
                    List<PartitionState> all = kroll.partitions();
                    assertEquals(List.of(3), all.stream().filter(x -> x.topic().equals("ledger")).map(PartitionState::minIsr).toList());
                    assertTrue(all.stream().filter(x -> x.topic().equals("orders")).allMatch(x -> x.minIsr() == 2), all.toString());
                }
                Map<String, Long> pids = new HashMap<>();
                for (Host h : cluster.hosts(Role.KAFKA)) {
                    pids.put(h.name(), cluster.process(h, Role.KAFKA).orElseThrow().pid());
                }

                Result r = kroll("run", "rolling-restart", "-i", cluster.inventoryFile().toString(), "--yes", "--poll", "500ms");

                assertEquals(3, r.code(), r.out() + r.err());
                assertTrue(r.err().contains("cluster ready to roll refused: 1 partition cannot lose a replica: ledger-0"
                        + " (replication factor 3, min.insync.replicas 3)"), r.err());
                for (Host h : cluster.hosts(Role.KAFKA)) {
                    assertEquals(pids.get(h.name()), cluster.process(h, Role.KAFKA).orElseThrow().pid(), h.name() + " was not restarted");
                }
            } finally {
                admin.deleteTopics(List.of("ledger")).all().get(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(5)
    void aDryRunShowsEveryFileDiffAndRestartPerHostAndChangesNothing(SandboxCluster cluster) throws Exception {
        Map<String, Long> pids = new HashMap<>();
        for (Host h : cluster.inventory().hosts()) {
            for (Role role : List.of(Role.KAFKA, Role.ZOOKEEPER)) {
                pids.put(h.name() + " " + role.key(), cluster.process(h, role).orElseThrow().pid());
            }
        }
        Map<String, String> before = HostTrees.snapshot(cluster);
        Path journals = cluster.inventoryFile().resolveSibling(".kroll").resolve("journal");
        List<String> runsBefore = runs(journals);

        Result ssl = kroll("run", "ssl-migration", "-i", cluster.inventoryFile().toString(), "--dry-run");
        Result restart = kroll("run", "rolling-restart", "-i", cluster.inventoryFile().toString(), "--dry-run");

        assertEquals(0, ssl.code(), ssl.out() + ssl.err());
        assertEquals(0, restart.code(), restart.out() + restart.err());
        assertEquals(before, HostTrees.snapshot(cluster), "no file on any host changed");
        for (Host h : cluster.inventory().hosts()) {
            for (Role role : List.of(Role.KAFKA, Role.ZOOKEEPER)) {
                assertEquals(pids.get(h.name() + " " + role.key()), cluster.process(h, role).orElseThrow().pid(),
                        h.name() + " " + role.key() + " was not restarted");
            }
        }
        assertEquals(runsBefore, runs(journals), "a dry run writes no journal");

        // ssl-migration: per host, each roll's server.properties diff (against what the previous roll would leave) and its restart
        for (Host h : cluster.hosts(Role.KAFKA)) {
            String sp = cluster.inventory().pathsFor(h).configDir() + "/server.properties";
            assertEquals(3, count(ssl.out(), "    " + h.name() + ": would change " + sp), ssl.out());
            assertEquals(3, count(ssl.out(), "    " + h.name() + ": would restart kafka"), ssl.out());
        }
        assertTrue(ssl.out().contains("+listeners=PLAINTEXT://"), ssl.out());
        assertTrue(ssl.out().lines().anyMatch(l -> l.matches("\\s+-listeners=PLAINTEXT://.*SSL://.*")), "roll 3 drops PLAINTEXT:\n" + ssl.out());
        assertTrue(ssl.out().contains("summary: ") && ssl.out().contains(", 9 restarts, 0 starts"), ssl.out());
        // rolling-restart: no file, one restart per broker
        assertTrue(restart.out().contains("summary: 0 file changes on 0 hosts, 3 restarts, 0 starts"), restart.out());
        for (Host h : cluster.hosts(Role.KAFKA)) {
            assertEquals(1, count(restart.out(), "    " + h.name() + ": would restart kafka"), restart.out());
        }
    }

    private static long count(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).count();
    }

    private static List<String> runs(Path journals) throws Exception {
        if (!Files.isDirectory(journals)) {
            return List.of();
        }
        try (var files = Files.list(journals)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
