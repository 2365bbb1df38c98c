package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConnectionIT {

    @TempDir
    Path tmp;

    SshTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new SshTestBed(tmp);
    }

    @Test
    void argumentsReachTheRemoteCommandExactlyAsGiven() throws Exception {
        try (TestSshServer s = bed.server("127.0.0.11").start()) {
            bed.trust("kafka1", s);
            try (SshSession session = new SshConnector(bed.options(NewHostKeyPolicy.REFUSE)).connect(bed.host("kafka1", s))) {
                String tricky = "it's a $HOME `x` \"q\" ; rm -rf /nonexistent *";
                CommandResult r = session.exec(Shell.join("printf", "%s|%s", tricky, ""));
                assertEquals(0, r.exitStatus());
                assertEquals(tricky + "|", r.stdout());
                CommandResult failing = session.exec("echo oops >&2; exit 7");
                assertEquals(7, failing.exitStatus());
                assertEquals("oops", failing.firstErrorLine());
            }
        }
    }

    @Test
    void secretsGoThroughStdinNotTheCommandLine() throws Exception {
        try (TestSshServer s = bed.server("127.0.0.11").start()) {
            bed.trust("kafka1", s);
            try (SshSession session = new SshConnector(bed.options(NewHostKeyPolicy.REFUSE)).connect(bed.host("kafka1", s))) {
                byte[] secret = "s3cr3t-keystore-password\n".getBytes(StandardCharsets.UTF_8);
                CommandResult r = session.exec("sha256sum | cut -c1-64", secret, Duration.ofSeconds(10));
                assertEquals(new FileUpload("/x", secret, "600", null, null, true, false).sha256(), r.stdout().trim());
            }
        }
    }

    @Test
    void outputBeyondTheLimitIsCutAndFlagged() throws Exception {
        try (TestSshServer s = bed.server("127.0.0.11").start()) {
            bed.trust("kafka1", s);
            SshOptions small = new SshOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(5), 1000,
                    bed.knownHosts(), NewHostKeyPolicy.REFUSE, null, null, List.of());
            try (SshSession session = new SshConnector(small).connect(bed.host("kafka1", s))) {
                CommandResult r = session.exec("head -c 100000 /dev/zero | tr '\\0' x");
                assertEquals(0, r.exitStatus());
                assertEquals(1000, r.stdout().length());
                assertTrue(r.truncated());
            }
        }
    }

    @Test
    void aLoginWithAnUnknownKeyIsRefusedWithAdvice() throws Exception {
        try (TestSshServer s = TestSshServer.on("127.0.0.12").authorize(TestKeys.ec().getPublic()).start()) {
            bed.trust("kafka2", s);
            SshConnector connector = new SshConnector(bed.options(NewHostKeyPolicy.REFUSE));
            KrollException e = assertThrows(KrollException.class, () -> connector.connect(bed.host("kafka2", s)));
            assertEquals(ExitCode.FAILURE, e.exitCode());
            assertTrue(e.getMessage().contains("SSH login to " + System.getProperty("user.name") + "@kafka2"), e.getMessage());
            assertTrue(e.getMessage().contains("authorized_keys"), e.getMessage());
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedByDefaultWithItsFingerprint() throws Exception {
        try (TestSshServer s = bed.server("127.0.0.13").start()) {
            SshConnector connector = new SshConnector(bed.options(NewHostKeyPolicy.REFUSE));
            HostKeyException e = assertThrows(HostKeyException.class, () -> connector.connect(bed.host("kafka3", s)));
            assertFalse(e.changed());
            assertEquals(ExitCode.GATE_REFUSED, e.exitCode());
            assertTrue(e.getMessage().contains(Fingerprints.sha256(s.hostKey().getPublic())), e.getMessage());
            assertTrue(e.getMessage().contains("--accept-new-host-keys"), e.getMessage());
            assertFalse(Files.exists(bed.krollKnownHosts), "nothing recorded");
        }
    }

    @Test
    void anAcceptedNewHostKeyIsRecordedInKrollsKnownHostsWithThePortForm() throws Exception {
        try (TestSshServer s = bed.server("127.0.0.14").start()) {
            AtomicReference<UnknownHostKey> asked = new AtomicReference<>();
            NewHostKeyPolicy prompt = k -> {
                asked.set(k);
                return true;
            };
            try (SshSession session = new SshConnector(bed.options(prompt)).connect(bed.host("kafka4", s))) {
                assertEquals(0, session.exec("true").exitStatus());
            }
            assertEquals(Fingerprints.sha256(s.hostKey().getPublic()), asked.get().fingerprint());
            assertEquals("kafka4", asked.get().host());
            String recorded = Files.readString(bed.krollKnownHosts);
            assertTrue(recorded.startsWith("[kafka4]:" + s.port() + ",[127.0.0.14]:" + s.port() + " ecdsa-sha2-nistp256 "), recorded);
            // and from now on it is known: refusing new keys no longer matters
            try (SshSession again = new SshConnector(bed.options(NewHostKeyPolicy.REFUSE)).connect(bed.host("kafka4", s))) {
                assertEquals(0, again.exec("true").exitStatus());
            }
        }
    }

    @Test
    void aChangedHostKeyIsRefusedEvenWhenNewKeysWouldBeAccepted() throws Exception {
        int port;
        try (TestSshServer first = bed.server("127.0.0.15").start()) {
            port = first.port();
            bed.trust("kafka5", first);
        }
        try (TestSshServer impostor = bed.server("127.0.0.15").port(port).start()) {
            SshConnector connector = new SshConnector(bed.options(NewHostKeyPolicy.ACCEPT));
            HostKeyException e = assertThrows(HostKeyException.class, () -> connector.connect(bed.host("kafka5", impostor)));
            assertTrue(e.changed());
            assertTrue(e.getMessage().contains("HOST KEY CHANGED"), e.getMessage());
            assertTrue(e.getMessage().contains("presented ecdsa-sha2-nistp256 " + Fingerprints.sha256(impostor.hostKey().getPublic())),
                    e.getMessage());
            assertTrue(e.getMessage().contains(bed.userKnownHosts + ":1"), e.getMessage());
            assertFalse(Files.exists(bed.krollKnownHosts), "the impostor's key was not recorded");
        }
    }

    @Test
    void hashedKnownHostsEntriesAreUnderstood() throws Exception {
        try (TestSshServer s = bed.server("127.0.0.16").start()) {
            String pattern = "[127.0.0.16]:" + s.port();
            byte[] salt = new byte[20];
            new java.security.SecureRandom().nextBytes(salt);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = mac.doFinal(pattern.getBytes(StandardCharsets.UTF_8));
            java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
            String keyLine = TestKeys.publicLine(s.hostKey());
            String[] parts = keyLine.split(" ");
            Files.writeString(bed.userKnownHosts, "# hashed like HashKnownHosts yes\n|1|" + b64.encodeToString(salt) + "|"
                    + b64.encodeToString(hash) + " " + parts[0] + " " + parts[1] + "\n");
            Host host = TestKeys.host("kafka6.example.com", "127.0.0.16", s.port(), System.getProperty("user.name"), bed.keyFile, false);
            try (SshSession session = new SshConnector(bed.options(NewHostKeyPolicy.REFUSE)).connect(host)) {
                assertEquals("ok\n", session.exec("echo ok").stdout());
            }
        }
    }

    @Test
    void anEncryptedKeyIsUnlockedWithItsPassphraseOnce() throws Exception {
        java.security.KeyPair key = TestKeys.ec();
        Path encrypted = TestKeys.writeOpenSsh(key, tmp.resolve("id_encrypted"), "correct horse");
        assertTrue(Files.readString(encrypted).contains("BEGIN OPENSSH PRIVATE KEY"));
        try (TestSshServer a = TestSshServer.on("127.0.0.17").authorize(key.getPublic()).start();
             TestSshServer b = TestSshServer.on("127.0.0.18").authorize(key.getPublic()).start()) {
            bed.trust("a", a);
            bed.trust("b", b);
            java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
            SshOptions options = bed.options(NewHostKeyPolicy.REFUSE).withPassphrases(f -> {
                asked.incrementAndGet();
                return "correct horse".toCharArray();
            });
            SshConnector connector = new SshConnector(options);
            for (Host h : List.of(TestKeys.host("a", a.address(), a.port(), "u", encrypted, false),
                    TestKeys.host("b", b.address(), b.port(), "u", encrypted, false))) {
                try (SshSession session = connector.connect(h)) {
                    assertEquals(0, session.exec("true").exitStatus());
                }
            }
            assertEquals(1, asked.get(), "one prompt for two hosts");

            SshConnector wrong = new SshConnector(options.withPassphrases(PassphraseSource.of("wrong".toCharArray())));
            KrollException e = assertThrows(KrollException.class,
                    () -> wrong.connect(TestKeys.host("a", a.address(), a.port(), "u", encrypted, false)));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            assertTrue(e.getMessage().contains("wrong passphrase"), e.getMessage());
        }
    }

    @Test
    void aCommandThatOverrunsItsTimeoutIsStoppedAndReported() throws Exception {
        try (TestSshServer s = bed.server("127.0.0.19").start()) {
            bed.trust("kafka9", s);
            try (SshSession session = new SshConnector(bed.options(NewHostKeyPolicy.REFUSE)).connect(bed.host("kafka9", s))) {
                RemoteCommandException e = assertThrows(RemoteCommandException.class,
                        () -> session.exec("sleep 4", null, Duration.ofMillis(500)));
                assertTrue(e.getMessage().contains("timed out after 500ms"), e.getMessage());
                // the connection is still usable
                assertEquals("still here\n", session.exec("echo still here").stdout());
            }
        }
    }
}
