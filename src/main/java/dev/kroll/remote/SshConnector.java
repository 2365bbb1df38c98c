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
        // Modern ciphers only, AES-GCM first and on the JDK's AES-NI code (see JdkAesGcm): far less CPU than
        // pure-Java ChaCha20 or AES when 50 hosts get a megabyte each. No CBC, RC4, 3DES, Blowfish.
        List<net.schmizz.sshj.common.Factory.Named<net.schmizz.sshj.transport.cipher.Cipher>> ciphers =
                new java.util.ArrayList<>(List.of(JdkAesGcm.AES128, JdkAesGcm.AES256));
        ciphers.addAll(preferred(config.getCipherFactories(),
                List.of("chacha20-poly1305@openssh.com", "aes256-ctr", "aes192-ctr", "aes128-ctr")));
        config.setCipherFactories(ciphers);
        config.setMACFactories(preferred(config.getMACFactories(), List.of("hmac-sha2-256-etm@openssh.com",
                "hmac-sha2-512-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512")));
        // no SHA-1 key exchange; ext-info-c stays, servers use it to announce rsa-sha2 signatures
        config.setKeyExchangeFactories(preferred(config.getKeyExchangeFactories(), List.of("curve25519-sha256",
                "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "ecdh-sha2-nistp384", "ecdh-sha2-nistp521",
                "diffie-hellman-group-exchange-sha256", "diffie-hellman-group16-sha512", "diffie-hellman-group18-sha512",
                "diffie-hellman-group14-sha256", "ext-info-c")));
    }

    /** The factories named in {@code names}, in that order (names SSHJ does not offer are skipped). */
    static <T> List<net.schmizz.sshj.common.Factory.Named<T>> preferred(List<net.schmizz.sshj.common.Factory.Named<T>> all,
                                                                        List<String> names) {
        List<net.schmizz.sshj.common.Factory.Named<T>> out = new java.util.ArrayList<>();
        for (String n : names) {
            all.stream().filter(f -> f.getName().equals(n)).findFirst().ifPresent(out::add);
        }
        return out;
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
        noDelay(client);
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

    /**
     * SSH is request and answer in small packets, and SSHJ writes each packet on its own (an exec request
     * and the EOF of its stdin right after): with Nagle's algorithm the second waits for the server's
     * delayed ACK, 40 ms on Linux, on every command and every JMX call through a forward.
     */
    private static void noDelay(SSHClient client) {
        try {
            client.getSocket().setTcpNoDelay(true);
        } catch (java.net.SocketException e) {
            // only latency is at stake
        }
    }

    private static void close(SSHClient client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
