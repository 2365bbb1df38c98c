package dev.kroll.remote;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An embedded Apache MINA SSH server on a loopback address standing in for one inventory host: its own host
 * key, public-key logins only, commands run for real by {@code /bin/sh -c} (as the test's user, or as
 * {@code runAs} through runuser), and SFTP on the local file system.
 */
public final class TestSshServer implements AutoCloseable {

    private final SshServer sshd;
    private final KeyPair hostKey;
    private final String address;
    private final java.util.concurrent.atomic.AtomicInteger logins;

    private TestSshServer(SshServer sshd, KeyPair hostKey, String address, java.util.concurrent.atomic.AtomicInteger logins) {
        this.sshd = sshd;
        this.hostKey = hostKey;
        this.address = address;
        this.logins = logins;
    }

    /** How many SSH connections clients have opened to this server. */
    int connectionsOpened() {
        return logins.get();
    }

    public static Builder on(String address) {
        return new Builder(address);
    }

    public static final class Builder {
        private final String address;
        private int port;
        private KeyPair hostKey = TestKeys.ec();
        private final List<PublicKey> authorized = new ArrayList<>();
        private String runAs;
        private final List<SftpEventListener> sftpListeners = new ArrayList<>();
        private boolean forwarding;

        private Builder(String address) {
            this.address = address;
        }

        Builder port(int p) {
            port = p;
            return this;
        }

        Builder hostKey(KeyPair k) {
            hostKey = k;
            return this;
        }

        public Builder authorize(PublicKey k) {
            authorized.add(k);
            return this;
        }

        /** Run commands as this local user (e.g. {@code nobody}), like a host where kroll's login is unprivileged. */
        Builder runAs(String user) {
            runAs = user;
            return this;
        }

        /** Allow local port forwards (direct-tcpip) to loopback targets, as kroll's JMX tunnels need. */
        Builder allowLoopbackForwards() {
            forwarding = true;
            return this;
        }

        Builder sftpListener(SftpEventListener l) {
            sftpListeners.add(l);
            return this;
        }

        public TestSshServer start() throws IOException {
            SshServer sshd = SshServer.setUpDefaultServer();
            sshd.setHost(address);
            sshd.setPort(port);
            sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
            List<PublicKey> keys = List.copyOf(authorized);
            sshd.setPublickeyAuthenticator((user, key, session) -> keys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
            sshd.setPasswordAuthenticator(null);
            sshd.setKeyboardInteractiveAuthenticator(null);
            String as = runAs;
            sshd.setCommandFactory((channel, command) -> (as == null
                    ? new ProcessShellFactory(command, "/bin/sh", "-c", command)
                    : new ProcessShellFactory(command, "runuser", "-u", as, "--", "/bin/sh", "-c", command)).createShell(channel));
            SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
            sftpListeners.forEach(sftp::addSftpEventListener);
            sshd.setSubsystemFactories(List.of(sftp));
            if (forwarding) {
                sshd.setForwardingFilter(new org.apache.sshd.server.forward.StaticDecisionForwardingFilter(false) {
                    @Override
                    public boolean canConnect(Type type, org.apache.sshd.common.util.net.SshdSocketAddress target,
                                              org.apache.sshd.common.session.Session session) {
                        return type == Type.Direct && target.getHostName().startsWith("127.");
                    }
                });
            }
            java.util.concurrent.atomic.AtomicInteger logins = new java.util.concurrent.atomic.AtomicInteger();
            sshd.addSessionListener(new org.apache.sshd.common.session.SessionListener() {
                @Override
                public void sessionCreated(org.apache.sshd.common.session.Session session) {
                    logins.incrementAndGet();
                }
            });
            sshd.start();
            return new TestSshServer(sshd, hostKey, address, logins);
        }
    }

    public String address() {
        return address;
    }

    public int port() {
        return sshd.getPort();
    }

    public KeyPair hostKey() {
        return hostKey;
    }

    /** Cuts every client connection at once, as a network failure would. */
    void dropConnections() {
        sshd.getActiveSessions().forEach(s -> s.close(true));
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }

    static Path tmp(Path base, String name) {
        return base.resolve(name);
    }
}
