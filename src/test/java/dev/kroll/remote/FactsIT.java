package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.cli.Main;
import dev.kroll.util.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kroll facts} end to end against three MINA hosts running the facts script in a real shell. */
class FactsIT {

    @TempDir
    Path tmp;

    SshTestBed bed;
    final List<TestSshServer> servers = new ArrayList<>();
    Path inventory;
    Path logDir;
    String savedHome;

    @BeforeEach
    void setUp() throws Exception {
        // the command reads ~/.ssh/known_hosts: point home at an empty directory, never the real one
        savedHome = System.getProperty("user.home");
        System.setProperty("user.home", Files.createDirectories(tmp.resolve("home")).toString());
        bed = new SshTestBed(tmp.resolve("client"));
        logDir = Files.createDirectories(tmp.resolve("data/kafka-logs"));
        Files.writeString(logDir.resolve("meta.properties"), "#\nversion=0\ncluster.id=abc\nbroker.id=5\n");
        Path zk = Files.createDirectories(tmp.resolve("data/zookeeper"));
        Files.writeString(zk.resolve("myid"), "2\n");
        StringBuilder yaml = new StringBuilder("cluster: {name: facts-test}\n")
                .append("ssh: {user: ").append(System.getProperty("user.name")).append(", key: ").append(bed.keyFile).append("}\n")
                .append("paths:\n  log_dirs: [").append(logDir).append(", ").append(tmp.resolve("data/not-yet/logs2")).append("]\n")
                .append("  zookeeper_data_dir: ").append(zk).append("\n  service_user: nobody\nhosts:\n");
        for (int i = 1; i <= 3; i++) {
            TestSshServer s = bed.server("127.0.0.3" + i).start();
            servers.add(s);
            yaml.append("  - {name: kafka").append(i).append(".example.com, address: ").append(s.address())
                    .append(", roles: [zookeeper, kafka], ssh: {port: ").append(s.port()).append("}")
                    .append(i == 2 ? ", broker_id: 1" : "").append("}\n");
        }
        inventory = tmp.resolve("cluster.yaml");
        Files.writeString(inventory, yaml);
    }

    @AfterEach
    void tearDown() throws Exception {
        System.setProperty("user.home", savedHome);
        for (TestSshServer s : servers) {
            s.close();
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private Run kroll(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void unknownHostsAreRefusedUntilTheOperatorAcceptsTheirKeys() throws Exception {
        Run refused = kroll("facts", "-i", inventory.toString());
        assertEquals(ExitCode.FAILURE, refused.exit(), refused.err());
        for (TestSshServer s : servers) {
            assertTrue(refused.err().contains(Fingerprints.sha256(s.hostKey().getPublic())), refused.err());
        }
        assertTrue(refused.err().contains("--accept-new-host-keys"), refused.err());
        assertFalse(Files.exists(tmp.resolve(".kroll/known_hosts")));

        Run accepted = kroll("facts", "-i", inventory.toString(), "--accept-new-host-keys");
        Files.writeString(Path.of("target", "facts-sample.txt"), accepted.out() + accepted.err());
        // kafka2 pins broker_id 1 but its log dir belongs to broker.id 5: an error, exit 2
        assertEquals(ExitCode.BAD_INPUT, accepted.exit(), accepted.err());
        assertTrue(accepted.err().contains("kafka2.example.com: log dir " + logDir + " already belongs to broker.id 5 but the plan gives it 1"),
                accepted.err());
        assertTrue(accepted.out().contains("broker.id=5 myid=2"), accepted.out());
        assertEquals(3, Files.readAllLines(tmp.resolve(".kroll/known_hosts")).size());

        Map<String, HostFacts> saved = FactsStore.load(tmp.resolve(".kroll"));
        assertEquals(3, saved.size());
        HostFacts f = saved.get("kafka1.example.com");
        assertTrue(f.memoryBytes() > 0);
        assertTrue(f.cpus() >= 1);
        assertEquals(2, f.disks().size(), "a log dir that does not exist yet is measured on its nearest parent");
        assertTrue(f.disks().get(1).availableBytes() > 0);
        assertEquals(Map.of(logDir.toString(), 5), f.brokerIds());
        assertEquals(2, f.zookeeperMyid());
        assertNotNull(f.hostname());
        assertNotNull(f.clockOffsetMillis());
        assertEquals(Runtime.version().feature(), f.javaMajor(), "the same java as this JVM's, on PATH");

        // the keys are known now: no flag needed, and --json gives the same facts
        Run json = kroll("facts", "-i", inventory.toString(), "--json");
        assertEquals(ExitCode.BAD_INPUT, json.exit(), json.err());
        assertTrue(json.out().contains("\"kafka3.example.com\""), json.out());
        assertTrue(json.out().contains("\"memoryBytes\""), json.out());
    }
}
