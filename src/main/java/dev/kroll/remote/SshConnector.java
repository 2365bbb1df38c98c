package dev.kroll.remote;

import dev.kroll.inventory.Host;
import dev.kroll.util.Errors;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AuthMethod;

/** Opens authenticated SSH connections to inventory hosts: host key checked, keys offered, keep-alive on. */
public final class SshConnector {

    private final SshOptions options;
    private final Identities identities;
    private final DefaultConfig config;

    public SshConnector(SshOptions options) {
        this.options = options;
        this.identities = new Identities(options.passphrases(), options.agentSocket(), options.defaultKeys());
        this.config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
    }

    public SshOptions options() {
        return options;
    }

    /** Connects as {@code host.ssh().user()} to {@code host.address()} on {@code host.ssh().port()}. */
    public SshSession connect(Host host) {
        int port = host.ssh().port();
        String where = host.ssh().user() + "@" + host.name() + " (" + host.address() + ":" + port + ")";
        List<AuthMethod> methods = identities.methodsFor(host);
        if (methods.isEmpty()) {
            throw KrollException.badInput("no SSH key to offer " + where + " — set ssh.key in the inventory, load a key"
                    + " into ssh-agent, or create ~/.ssh/id_ed25519");
        }
        SSHClient client = new SSHClient(config);
        HostKeyCheck check = new HostKeyCheck(options.knownHosts(), host, options.newHostKeys());
        client.addHostKeyVerifier(check);
        client.setConnectTimeout((int) options.connectTimeout().toMillis());
        client.getConnection().getKeepAlive().setKeepAliveInterval((int) options.keepAlive().toSeconds());
        try {
            client.connect(host.address(), port);
        } catch (IOException | RuntimeException e) {
            close(client);
            if (check.refusal() != null) {
                throw check.refusal();
            }
            if (e instanceof KrollException k) {
                throw k;
            }
            throw KrollException.failure("cannot connect to " + where + ": " + Errors.message(e), e);
        }
        try {
            client.auth(host.ssh().user(), methods);
        } catch (UserAuthException e) {
            close(client);
            throw KrollException.failure("SSH login to " + where + " refused; tried " + methods.stream()
                    .map(Object::toString).distinct().collect(Collectors.joining(", "))
                    + " — add the public key to ~" + host.ssh().user() + "/.ssh/authorized_keys or set ssh.key/ssh.user", e);
        } catch (IOException | RuntimeException e) {
            close(client);
            if (e instanceof KrollException k) {
                throw k;
            }
            throw KrollException.failure("SSH login to " + where + " failed: " + Errors.message(e), e);
        }
        return new SshSession(host, client, options);
    }

    private static void close(SSHClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
