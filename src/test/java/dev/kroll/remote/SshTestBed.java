package dev.kroll.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

/**
 * A client side for SSH tests: a login key file and known_hosts files in a temp directory (never the
 * operator's real ~/.ssh), and options with short timeouts.
 */
public final class SshTestBed {

    final Path dir;
    final KeyPair userKey = TestKeys.ec();
    final Path keyFile;
    final Path userKnownHosts;
    final Path krollKnownHosts;

    public SshTestBed(Path dir) throws IOException {
        this.dir = dir;
        this.keyFile = TestKeys.writeOpenSsh(userKey, dir.resolve("id_test"), null);
        this.userKnownHosts = dir.resolve("ssh/known_hosts");
        this.krollKnownHosts = dir.resolve(".kroll/known_hosts");
        Files.createDirectories(userKnownHosts.getParent());
    }

    KnownHosts knownHosts() {
        return new KnownHosts(userKnownHosts, krollKnownHosts);
    }

    public SshOptions options(NewHostKeyPolicy policy) {
        return new SshOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(5), 1 << 20, knownHosts(),
                policy, f -> {
                    throw new AssertionError("no passphrase expected for " + f);
                }, null, List.of());
    }

    /** A server on {@code address} that accepts this bed's key. */
    public TestSshServer.Builder server(String address) {
        return TestSshServer.on(address).authorize(userKey.getPublic());
    }

    public dev.kroll.inventory.Host host(String name, TestSshServer s) {
        return TestKeys.host(name, s.address(), s.port(), System.getProperty("user.name"), keyFile, false);
    }

    /** Records the server's key in the user's known_hosts, as an operator who ran ssh before would have. */
    public void trust(String name, TestSshServer s) throws IOException {
        Path scratch = dir.resolve("scratch/known_hosts");
        Files.deleteIfExists(scratch);
        new KnownHosts(null, scratch).record(List.of(name, s.address()), s.port(), s.hostKey().getPublic());
        Files.writeString(userKnownHosts, Files.readString(scratch), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
