package dev.kroll.remote;

import dev.kroll.inventory.Host;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.List;
import java.util.stream.Collectors;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * SSHJ's host key hook for one connection to one host: trusts a key only when a known_hosts entry lists it,
 * records a new key when the {@link NewHostKeyPolicy} accepts it, and refuses a changed key always. SSHJ only
 * learns yes or no, so the reason is kept in {@link #refusal()} for the connector to report.
 */
final class HostKeyCheck implements HostKeyVerifier {

    private final KnownHosts knownHosts;
    private final Host host;
    private final NewHostKeyPolicy policy;
    private volatile HostKeyException refusal;

    HostKeyCheck(KnownHosts knownHosts, Host host, NewHostKeyPolicy policy) {
        this.knownHosts = knownHosts;
        this.host = host;
        this.policy = policy;
    }

    private List<String> names() {
        return List.of(host.name(), host.address());
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String type = KeyType.fromKey(key).toString();
        String fingerprint = Fingerprints.sha256(key);
        String where = host.name() + " (" + host.address() + ":" + port + ")";
        KnownHosts.Verdict verdict = knownHosts.check(names(), port, key);
        if (verdict instanceof KnownHosts.Match) {
            return true;
        }
        if (verdict instanceof KnownHosts.Changed changed) {
            String expected = changed.conflicts().stream()
                    .map(c -> c.keyType() + " " + c.fingerprint() + " (" + c.file() + ":" + c.line() + ")")
                    .collect(Collectors.joining(", "));
            refusal = new HostKeyException("HOST KEY CHANGED for " + where + ": expected " + expected + ", presented "
                    + type + " " + fingerprint + " — possibly an attack; kroll will not connect."
                    + "\nIf the host was really reinstalled, confirm the new key on its console and delete the old line"
                    + " (ssh-keygen -R " + Shell.quote(KnownHosts.patterns(List.of(host.address()), port).get(0)) + ").", true);
            return false;
        }
        UnknownHostKey unknown = new UnknownHostKey(host.name(), host.address(), port, type, fingerprint);
        if (!policy.accept(unknown)) {
            refusal = new HostKeyException("unknown host key for " + where + ": " + type + " " + fingerprint
                    + ", not in " + knownHosts.describeFiles() + "."
                    + "\nCompare it with 'ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub' on the host, then rerun with"
                    + " --accept-new-host-keys to record it.", false);
            return false;
        }
        try {
            knownHosts.record(names(), port, key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the host key of " + host.name() + " in " + knownHosts.krollFile(), e);
        }
        return true;
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return knownHosts.knownAlgorithms(names(), port);
    }

    HostKeyException refusal() {
        return refusal;
    }
}
