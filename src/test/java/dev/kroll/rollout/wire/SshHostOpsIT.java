package dev.kroll.rollout.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.inventory.Role;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshSessions;
import dev.kroll.remote.SshTestBed;
import dev.kroll.remote.TestSshServer;
import dev.kroll.rollout.port.Checksums;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.rollout.port.WriteOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's host operations over a real SSH connection (embedded MINA SSHD on loopback, real /bin/sh). */
class SshHostOpsIT {

    @TempDir
    Path tmp;
    TestSshServer server;
    SshSessions sessions;
    SshHostOps ops;
    Host host;
    Path remote;

    @BeforeEach
    void connect() throws Exception {
        SshTestBed bed = new SshTestBed(tmp.resolve("client"));
        server = bed.server("127.0.0.1").start();
        bed.trust("kafka1", server);
        remote = Files.createDirectories(tmp.resolve("host"));
        Path key = Files.list(tmp.resolve("client")).filter(p -> p.getFileName().toString().equals("id_test")).findFirst().orElseThrow();
        Path inv = tmp.resolve("cluster.yaml");
        String state = remote.resolve("kafka.up").toString();
        Files.writeString(inv, """
                cluster: {name: ssh-test}
                services:
                  manager: script
                  kafka: {start: "touch %1$s", stop: "rm -f %1$s", status: "test -e %1$s"}
                  zookeeper: {start: "true", stop: "true", status: "true"}
                hosts:
                  - name: kafka1
                    address: 127.0.0.1
                    roles: [zookeeper, kafka]
                    ssh: {user: %2$s, port: %3$d, key: %4$s}
                """.formatted(state, System.getProperty("user.name"), server.port(), key));
        Inventory inventory = KrollYaml.load(inv);
        host = inventory.hosts().get(0);
        sessions = new SshSessions(bed.options(NewHostKeyPolicy.REFUSE));
        ops = new SshHostOps(inventory, sessions, Duration.ofSeconds(30));
    }

    @AfterEach
    void close() throws Exception {
        sessions.close();
        server.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aChangedFileKeepsItsPreviousVersionWhichRestoreBringsBack() throws Exception {
        String path = remote.resolve("etc/kafka/server.properties").toString();
        Files.createDirectories(remote.resolve("etc/kafka"));
        assertEquals(Optional.empty(), ops.read(host, path));

        assertEquals(WriteOutcome.CHANGED, ops.write(host, RenderedFile.config(path, "broker.id=1\n", Role.KAFKA)));
        assertEquals(WriteOutcome.UNCHANGED, ops.write(host, RenderedFile.config(path, "broker.id=1\n", Role.KAFKA)));
        assertEquals(WriteOutcome.CHANGED, ops.write(host, RenderedFile.config(path, "broker.id=1\nlisteners=SSL://:9093\n", Role.KAFKA)));
        assertEquals("broker.id=1\n", Files.readString(Path.of(path + ".kroll-prev")));
        assertArrayEquals(b("broker.id=1\nlisteners=SSL://:9093\n"), ops.read(host, path).orElseThrow());

        assertTrue(ops.restorePrevious(host, path));
        assertEquals("broker.id=1\n", Files.readString(Path.of(path)));
        assertFalse(Files.exists(Path.of(path + ".kroll-prev")));
        assertFalse(ops.restorePrevious(host, path), "nothing left to restore");
    }

    @Test
    void aResumedWriteLeavesTheBackupOfTheCutOffAttemptAloneAndChecksumsComeInOneCommand() throws Exception {
        Files.createDirectories(remote.resolve("etc/kafka"));
        String path = remote.resolve("etc/kafka/server.properties").toString();
        ops.write(host, RenderedFile.config(path, "phase=plaintext\n", Role.KAFKA));
        ops.write(host, RenderedFile.config(path, "phase=half-done\n", Role.KAFKA));

        assertEquals(WriteOutcome.CHANGED, ops.write(host, RenderedFile.config(path, "phase=ssl-added\n", Role.KAFKA), false));

        assertEquals("phase=plaintext\n", Files.readString(Path.of(path + ".kroll-prev")));
        Map<String, String> sums = ops.sha256(host, List.of(path, path + ".kroll-prev", path + ".missing"));
        assertEquals(Checksums.sha256(b("phase=ssl-added\n")), sums.get(path));
        assertEquals(Checksums.sha256(b("phase=plaintext\n")), sums.get(path + ".kroll-prev"));
        assertEquals(Checksums.ABSENT, sums.get(path + ".missing"));
    }

    @Test
    void aSecretLands0600WithoutAPreviousCopyAndBinaryContentSurvivesTheRoundTrip() throws Exception {
        Files.createDirectories(remote.resolve("ssl"));
        String path = remote.resolve("ssl/server.keystore.p12").toString();
        byte[] one = new byte[3000];
        new Random(1).nextBytes(one);
        byte[] two = new byte[3000];
        new Random(2).nextBytes(two);
        ops.write(host, RenderedFile.secret(path, one, Role.KAFKA));
        ops.write(host, RenderedFile.secret(path, two, Role.KAFKA));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(path))));
        assertFalse(Files.exists(Path.of(path + ".kroll-prev")));
        assertArrayEquals(two, ops.read(host, path).orElseThrow());
    }

    @Test
    void servicesAreControlledWithTheInventorysCommands() throws Exception {
        assertFalse(ops.running(host, Role.KAFKA));
        ops.start(host, Role.KAFKA);
        assertTrue(ops.running(host, Role.KAFKA));
        assertTrue(Files.exists(remote.resolve("kafka.up")));
        ops.stop(host, Role.KAFKA);
        assertFalse(ops.running(host, Role.KAFKA));
    }
}
