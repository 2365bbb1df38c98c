package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.util.Files2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kroll against the real OpenSSH sshd, started on 127.0.0.1 with its own configuration, host key and
 * authorized_keys, and stopped at the end. Skipped when sshd is not installed, unless KROLL_REQUIRE_SSHD=1.
 */
class OpenSshInteropIT {

    static final Path SSHD = Path.of("/usr/sbin/sshd");

    Path dir;
    Process sshd;
    Process agent;
    int port;
    SshTestBed bed;
    KeyPair hostKey;

    @BeforeEach
    void startSshd() throws Exception {
        LocalProcesses.requireProgram(SSHD);
        // StrictModes: authorized_keys and every directory above it up to the home directory must belong to
        // the user and not be group/world-writable; a directory under home satisfies that (/tmp would not).
        dir = Files.createTempDirectory(Files2.privateDir(Path.of(System.getProperty("user.home"), ".kroll-test")), "sshd-");
        Files.setPosixFilePermissions(dir, Files2.OWNER_ONLY_DIR);
        bed = new SshTestBed(dir.resolve("client"));
        hostKey = TestKeys.ec();
        Path hostKeyFile = TestKeys.writeOpenSsh(hostKey, dir.resolve("ssh_host_ecdsa_key"), null);
        Path authorized = dir.resolve("authorized_keys");
        Files.writeString(authorized, TestKeys.publicLine(bed.userKey) + "\n");
        Files.setPosixFilePermissions(authorized, Files2.OWNER_ONLY);
        Files.createDirectories(Path.of("/run/sshd"));   // privilege separation directory
        port = LocalProcesses.freePort("127.0.0.1");
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKeyFile,
                "AuthorizedKeysFile " + authorized,
                "PidFile " + dir.resolve("sshd.pid"),
                "StrictModes yes",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "UsePAM no",
                "Subsystem sftp internal-sftp",
                "LogLevel VERBOSE", ""));
        Path log = dir.resolve("sshd.log");
        sshd = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LocalProcesses.awaitPort("127.0.0.1", port, sshd, log);
    }

    @AfterEach
    void stopSshd() throws Exception {
        LocalProcesses.stop(agent);
        LocalProcesses.stop(sshd);
        LocalProcesses.deleteTree(dir);
        try {
            Files.deleteIfExists(dir.getParent());
        } catch (java.nio.file.DirectoryNotEmptyException inUse) {
            // another run's directory is still there
        }
    }

    private Host host(Path keyFile) {
        return TestKeys.host("openssh.example.com", "127.0.0.1", port, System.getProperty("user.name"), keyFile, false);
    }

    @Test
    void krollWorksAgainstOpenSshEndToEnd() throws Exception {
        SshOptions options = bed.options(NewHostKeyPolicy.ACCEPT);
        try (SshSessions sessions = new SshSessions(options)) {
            SshSession s = sessions.get(host(bed.keyFile));
            assertEquals("[openssh.example.com]:" + port + ",[127.0.0.1]:" + port,
                    Files.readString(bed.krollKnownHosts).split(" ")[0], "recorded in the [host]:port form");
            assertEquals("a b'c\n", s.exec(Shell.join("echo", "a b'c")).stdout());

            Path secret = Files.createDirectories(dir.resolve("remote/ssl")).resolve("kafka.keystore.p12");
            byte[] content = new byte[300_000];
            new java.util.Random(3).nextBytes(content);
            assertEquals(Status.CHANGED, AtomicUploader.upload(s, FileUpload.secret(secret.toString(), content, "nobody")).status());
            assertEquals(Status.UNCHANGED, AtomicUploader.upload(s, FileUpload.secret(secret.toString(), content, "nobody")).status());
            PosixFileAttributes a = Files.readAttributes(secret, PosixFileAttributes.class);
            assertEquals("rw-------", PosixFilePermissions.toString(a.permissions()));
            assertEquals("nobody", a.owner().getName());
            assertArrayEquals(content, Files.readAllBytes(secret));

            RemoteCommandException timeout = assertThrows(RemoteCommandException.class,
                    () -> s.exec("sleep 5", null, Duration.ofMillis(300)));
            assertTrue(timeout.getMessage().contains("timed out"), timeout.getMessage());

            InstallPaths paths = new InstallPaths("/opt/kafka", "/etc/kafka", "/etc/kafka/ssl", dir.resolve("zk").toString(),
                    List.of(dir.resolve("logs").toString()), "/var/log/kafka", "nobody");
            HostFacts facts = new FactsGatherer(new FanOut(sessions)).gather(List.of(host(bed.keyFile)), h -> paths, FanOutListener.NONE)
                    .get(0).value();
            assertTrue(facts.memoryBytes() > 0 && facts.cpus() > 0, facts.toString());
        }
        // and once recorded, a changed key on the same address and port is refused
        java.nio.file.Files.writeString(bed.krollKnownHosts, Files.readString(bed.krollKnownHosts)
                .replaceFirst("ecdsa-sha2-nistp256 \\S+", TestKeys.publicLine(TestKeys.ec()).split(" ", 3)[0] + " "
                        + TestKeys.publicLine(TestKeys.ec()).split(" ", 3)[1]));
        HostKeyException changed = assertThrows(HostKeyException.class,
                () -> new SshConnector(bed.options(NewHostKeyPolicy.ACCEPT)).connect(host(bed.keyFile)));
        assertTrue(changed.changed());
        assertTrue(changed.getMessage().contains(Fingerprints.sha256(hostKey.getPublic())), changed.getMessage());
    }

    @Test
    void anRsaKeyHeldBySshAgentLogsInWithoutTheKeyFile() throws Exception {
        LocalProcesses.requireProgram(Path.of("/usr/bin/ssh-agent"));
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(3072);
        KeyPair key = rsa.generateKeyPair();
        Path keyFile = TestKeys.writeOpenSsh(key, dir.resolve("agent/id_rsa"), null);
        Files.writeString(dir.resolve("authorized_keys"), TestKeys.publicLine(key) + "\n");
        Path sockDir = Files.createTempDirectory("kroll-agent");   // a short path: unix sockets allow ~100 bytes
        Path sock = sockDir.resolve("agent.sock");
        try {
            agent = new ProcessBuilder("/usr/bin/ssh-agent", "-D", "-a", sock.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
            awaitListening(sock);
            ProcessBuilder add = new ProcessBuilder("/usr/bin/ssh-add", keyFile.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process p = add.start();
            String addOut = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), addOut);
            Files.delete(keyFile);   // only the agent has the key now

            SshOptions options = bed.options(NewHostKeyPolicy.ACCEPT).withAgentSocket(sock);
            try (SshSession s = new SshConnector(options).connect(host(null))) {
                assertEquals("agent\n", s.exec("echo agent").stdout());
            }
        } finally {
            LocalProcesses.stop(agent);
            agent = null;
            LocalProcesses.deleteTree(sockDir);
        }
    }

    /** The socket file appears at bind(), before listen(): only a connection that succeeds shows the agent is ready. */
    private static void awaitListening(Path sock) throws InterruptedException {
        java.net.UnixDomainSocketAddress address = java.net.UnixDomainSocketAddress.of(sock);
        for (int i = 0; i < 400; i++) {
            try (java.nio.channels.SocketChannel c = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                c.connect(address);
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new AssertionError("ssh-agent did not listen on " + sock + " within 10 s");
    }
}
