package dev.kroll.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.InvertedShellWrapper;

/**
 * One simulated host: an embedded SSH server (Apache MINA SSHD) on the host's own loopback address, with
 * its own host key (kept in the sandbox, so the same across restarts), public-key login with the
 * sandbox's client key only, commands run by {@code /bin/sh} in the host's tree, SFTP on the real file
 * system and local port forwarding to loopback targets. The server can be cut and restored while the
 * host's services keep running, as when sshd dies on a real machine.
 */
public final class SandboxHost implements AutoCloseable {

    private final HostEndpoint endpoint;
    private final Path home;
    private final String user;
    private final Path authorizedKeys;
    private final Map<String, String> env;
    private final SimpleGeneratorHostKeyProvider hostKeys;
    private SshServer server;

    SandboxHost(SandboxLayout layout, HostEndpoint endpoint, String user, Map<String, String> env) {
        this.endpoint = endpoint;
        this.home = layout.home(endpoint.name());
        this.user = user;
        this.authorizedKeys = layout.authorizedKeys();
        this.env = Map.copyOf(env);
        this.hostKeys = new SimpleGeneratorHostKeyProvider(layout.hostKey(endpoint.name()));
        hostKeys.setAlgorithm("EC");
        hostKeys.setKeySize(256);
    }

    public HostEndpoint endpoint() {
        return endpoint;
    }

    public String name() {
        return endpoint.name();
    }

    public String address() {
        return endpoint.address();
    }

    public Path home() {
        return home;
    }

    /** Starts the SSH server (again, after {@link #cutSsh()}); the host key is created on first use and then reused. */
    public synchronized void startSsh() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(home);
            Files.createDirectories(hostKeys.getPath().getParent());
            SshServer s = SshServer.setUpDefaultServer();
            s.setHost(endpoint.address());
            s.setPort(endpoint.sshPort());
            s.setKeyPairProvider(hostKeys);
            AuthorizedKeysAuthenticator keys = new AuthorizedKeysAuthenticator(authorizedKeys);
            s.setPublickeyAuthenticator((u, key, session) -> user.equals(u) && keys.authenticate(u, key, session));
            s.setPasswordAuthenticator(null);
            s.setKeyboardInteractiveAuthenticator(null);
            s.setGSSAuthenticator(null);
            s.setHostBasedAuthenticator(null);
            s.setCommandFactory((channel, command) -> new InvertedShellWrapper(new HostShell(command, home, env)));
            s.setShellFactory(channel -> new InvertedShellWrapper(new HostShell(null, home, env)));
            s.setFileSystemFactory(HomeSftp.fileSystem(home));
            s.setSubsystemFactories(List.of(HomeSftp.subsystem(home)));
            s.setForwardingFilter(new LoopbackForwarding());
            // a dashboard may hold a quiet session for hours, as OpenSSH allows by default
            CoreModuleProperties.IDLE_TIMEOUT.set(s, Duration.ZERO);
            CoreModuleProperties.NIO_WORKERS.set(s, 2);
            // how often a running command's output is polled when idle (MINA's default, 1 ms, spins)
            CoreModuleProperties.PUMP_SLEEP_TIME.set(s, Duration.ofMillis(5));
            // OpenSSH sends a command's exit status, EOF and close in one write; MINA writes each packet on
            // its own, so without this Nagle's algorithm holds the later ones for the client's delayed ACK
            CoreModuleProperties.TCP_NODELAY.set(s, true);
            s.start();
            server = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SSH server of " + name() + " on " + address() + ":" + endpoint.sshPort()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Stops the SSH server and drops its sessions; the host's services keep running. */
    public synchronized void cutSsh() {
        SshServer s = server;
        server = null;
        if (s != null) {
            try {
                s.stop(true);
            } catch (IOException e) {
                // closing: nothing left to do
            }
        }
    }

    public synchronized boolean sshRunning() {
        return server != null && server.isStarted();
    }

    /** The host's public key (created on first call and kept in the sandbox). */
    public PublicKey hostKey() {
        List<KeyPair> pairs = hostKeys.loadKeys(null);
        if (pairs.isEmpty()) {
            throw new IllegalStateException("cannot read or create the host key " + hostKeys.getPath());
        }
        return pairs.get(0).getPublic();
    }

    /** This host's line for an OpenSSH known_hosts file: name and address, as {@code [x]:port} off port 22. */
    public String knownHostsLine() {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(hostKey(), null, out);
            String key = out.toString(java.nio.charset.StandardCharsets.US_ASCII).trim();
            int port = endpoint.sshPort();
            String names = port == 22 ? name() + "," + address() : "[" + name() + "]:" + port + ",[" + address() + "]:" + port;
            return names + " " + key;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode the host key of " + name(), e);
        }
    }

    @Override
    public void close() {
        cutSsh();
    }
}
