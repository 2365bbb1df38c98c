package dev.kroll.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How kroll's SSH layer behaves, independent of any host.
 *
 * @param connectTimeout   TCP connect plus handshake
 * @param commandTimeout   default limit for one remote command
 * @param keepAlive        interval of SSH keep-alive messages on idle connections (0: none)
 * @param maxOutputBytes   stdout and stderr of a command are each captured up to this size
 * @param knownHosts       the trusted host keys
 * @param newHostKeys      what to do with a host key seen for the first time
 * @param passphrases      where passphrases of encrypted keys come from
 * @param agentSocket      ssh-agent's socket ({@code SSH_AUTH_SOCK}), or null
 * @param defaultKeys      key files tried when a host names none
 */
public record SshOptions(Duration connectTimeout, Duration commandTimeout, Duration keepAlive, int maxOutputBytes,
                         KnownHosts knownHosts, NewHostKeyPolicy newHostKeys, PassphraseSource passphrases,
                         Path agentSocket, List<Path> defaultKeys) {

    public SshOptions {
        defaultKeys = List.copyOf(defaultKeys);
    }

    /** kroll's defaults for an inventory whose state directory is {@code stateDir} ({@code .kroll/}). */
    public static SshOptions defaults(Path stateDir, NewHostKeyPolicy newHostKeys) {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        String sock = System.getenv("SSH_AUTH_SOCK");
        return new SshOptions(Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofSeconds(15), 1 << 20,
                new KnownHosts(ssh.resolve("known_hosts"), stateDir.resolve("known_hosts")), newHostKeys,
                PassphraseSource.standard(), sock == null || sock.isBlank() ? null : Path.of(sock),
                List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_ecdsa"), ssh.resolve("id_rsa")));
    }

    public SshOptions withConnectTimeout(Duration d) {
        return new SshOptions(d, commandTimeout, keepAlive, maxOutputBytes, knownHosts, newHostKeys, passphrases, agentSocket, defaultKeys);
    }

    public SshOptions withCommandTimeout(Duration d) {
        return new SshOptions(connectTimeout, d, keepAlive, maxOutputBytes, knownHosts, newHostKeys, passphrases, agentSocket, defaultKeys);
    }

    public SshOptions withNewHostKeys(NewHostKeyPolicy p) {
        return new SshOptions(connectTimeout, commandTimeout, keepAlive, maxOutputBytes, knownHosts, p, passphrases, agentSocket, defaultKeys);
    }

    public SshOptions withPassphrases(PassphraseSource p) {
        return new SshOptions(connectTimeout, commandTimeout, keepAlive, maxOutputBytes, knownHosts, newHostKeys, p, agentSocket, defaultKeys);
    }

    public SshOptions withAgentSocket(Path p) {
        return new SshOptions(connectTimeout, commandTimeout, keepAlive, maxOutputBytes, knownHosts, newHostKeys, passphrases, p, defaultKeys);
    }

    public SshOptions withDefaultKeys(List<Path> keys) {
        return new SshOptions(connectTimeout, commandTimeout, keepAlive, maxOutputBytes, knownHosts, newHostKeys, passphrases, agentSocket, keys);
    }
}
