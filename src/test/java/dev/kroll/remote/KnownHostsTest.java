package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsTest {

    @TempDir
    Path tmp;

    final KeyPair key = TestKeys.ec();
    final List<String> names = List.of("kafka1.example.com", "10.0.0.1");

    @Test
    void nonDefaultPortsUseTheBracketForm() {
        assertEquals(List.of("kafka1.example.com", "10.0.0.1"), KnownHosts.patterns(names, 22));
        assertEquals(List.of("[kafka1.example.com]:2222", "[10.0.0.1]:2222"), KnownHosts.patterns(names, 2222));
    }

    @Test
    void aRecordedKeyMatchesAndADifferentOneIsAChange() throws Exception {
        KnownHosts kh = new KnownHosts(tmp.resolve("user_known_hosts"), tmp.resolve(".kroll/known_hosts"));
        assertInstanceOf(KnownHosts.Unknown.class, kh.check(names, 22, key.getPublic()));
        kh.record(names, 22, key.getPublic());
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tmp.resolve(".kroll"))));
        assertInstanceOf(KnownHosts.Match.class, kh.check(names, 22, key.getPublic()));
        assertInstanceOf(KnownHosts.Match.class, kh.check(List.of("10.0.0.1"), 22, key.getPublic()), "known by address too");
        assertInstanceOf(KnownHosts.Unknown.class, kh.check(names, 2222, key.getPublic()), "another port is another host");
        KnownHosts.Changed changed = assertInstanceOf(KnownHosts.Changed.class, kh.check(names, 22, TestKeys.ec().getPublic()));
        assertEquals(Fingerprints.sha256(key.getPublic()), changed.conflicts().get(0).fingerprint());
        assertEquals(1, changed.conflicts().get(0).line());
    }

    @Test
    void aRevokedKeyIsNeverAMatch() throws Exception {
        Path user = tmp.resolve("known_hosts");
        String[] pub = TestKeys.publicLine(key).split(" ");
        Files.writeString(user, "@revoked kafka1.example.com " + pub[0] + " " + pub[1] + "\n");
        KnownHosts kh = new KnownHosts(user, tmp.resolve(".kroll/known_hosts"));
        assertInstanceOf(KnownHosts.Changed.class, kh.check(names, 22, key.getPublic()));
    }

    @Test
    void aHostKnownOnlyWithAnotherKeyTypeIsNotTreatedAsNew() throws Exception {
        Path user = tmp.resolve("known_hosts");
        Files.writeString(user, "# comment\n\nkafka1.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq1mGzGbqzfM0kq6kAGEbHr7bh8v2d6O5bT6Zrj4u3e\n");
        KnownHosts kh = new KnownHosts(user, tmp.resolve(".kroll/known_hosts"));
        KnownHosts.Changed c = assertInstanceOf(KnownHosts.Changed.class, kh.check(names, 22, key.getPublic()));
        assertEquals(3, c.conflicts().get(0).line());
        assertEquals(List.of("ssh-ed25519"), kh.knownAlgorithms(names, 22));
    }
}
