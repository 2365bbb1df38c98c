package dev.kroll.rollout.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshSessions;
import dev.kroll.remote.SshTestBed;
import dev.kroll.remote.TestSshServer;
import dev.kroll.rollout.port.WriteOutcome;
import dev.kroll.util.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install and preflight over a real SSH connection: a real tarball unpacked by tar, facts gathered by kroll's script. */
class SshInstallAndPreflightIT {

    @TempDir
    Path tmp;
    TestSshServer server;
    SshSessions sessions;
    Inventory inventory;
    Host host;
    Path remote;

    @BeforeEach
    void connect() throws Exception {
        SshTestBed bed = new SshTestBed(tmp.resolve("client"));
        server = bed.server("127.0.0.1").start();
        bed.trust("kafka1", server);
        remote = Files.createDirectories(tmp.resolve("host"));
        Path inv = tmp.resolve("cluster.yaml");
        Files.writeString(inv, """
                cluster: {name: ssh-test, advertise: address}
                paths:
                  kafka_home: %1$s/opt/kafka
                  log_dirs: [%1$s/srv/kafka-logs]
                  zookeeper_data_dir: %1$s/var/lib/zookeeper
                hosts:
                  - name: kafka1
                    address: 127.0.0.1
                    roles: [zookeeper, kafka]
                    ssh: {user: %2$s, port: %3$d, key: %4$s}
                """.formatted(remote, System.getProperty("user.name"), server.port(), tmp.resolve("client/id_test")));
        inventory = KrollYaml.load(inv);
        host = inventory.hosts().get(0);
        sessions = new SshSessions(bed.options(NewHostKeyPolicy.REFUSE));
    }

    @AfterEach
    void close() throws Exception {
        sessions.close();
        server.close();
    }

    private Path tarball() throws Exception {
        Path dist = Files.createDirectories(tmp.resolve("build/kafka_2.13-3.9.1/bin"));
        Files.writeString(dist.resolve("kafka-server-start.sh"), "#!/bin/sh\necho kafka\n");
        Files.createDirectories(tmp.resolve("build/kafka_2.13-3.9.1/libs"));
        Path tgz = tmp.resolve("kafka_2.13-3.9.1.tgz");
        Process p = new ProcessBuilder("tar", "-czf", tgz.toString(), "-C", tmp.resolve("build").toString(), "kafka_2.13-3.9.1")
                .inheritIO().start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0);
        return tgz;
    }

    @Test
    void aReleaseTarballIsUnpackedAndLinkedAsKafkaHomeOnceOnly() throws Exception {
        SshInstaller installer = new SshInstaller(inventory, sessions);
        Path tgz = tarball();
        assertEquals(WriteOutcome.CHANGED, installer.install(host, tgz.toString()));
        assertEquals("#!/bin/sh\necho kafka\n", Files.readString(remote.resolve("opt/kafka/bin/kafka-server-start.sh")));
        assertTrue(Files.isSymbolicLink(remote.resolve("opt/kafka")));
        assertEquals(WriteOutcome.UNCHANGED, installer.install(host, tgz.toString()));
    }

    @Test
    void preflightRefusesALogDirThatBelongsToAnotherBroker() throws Exception {
        PlannedConfigs plan = PlannedConfigs.load(inventory);
        FactsPreflight preflight = new FactsPreflight(inventory, sessions, plan);
        assertEquals(List.of(), preflight.check(host).stream().map(dev.kroll.rollout.preflight.Finding::problem).filter(Problem::isError).filter(p -> !p.message().contains("log dir")).toList());

        Files.createDirectories(remote.resolve("srv/kafka-logs"));
        Files.writeString(remote.resolve("srv/kafka-logs/meta.properties"), "version=0\nbroker.id=7\n");
        List<Problem> problems = preflight.check(host).stream().map(dev.kroll.rollout.preflight.Finding::problem).toList();
        assertTrue(problems.stream().anyMatch(p -> p.isError() && p.message().equals("kafka1: log dir " + remote.resolve("srv/kafka-logs")
                + " already belongs to broker.id 7 but the plan gives it 1")), problems.toString());
    }
}
