package dev.kroll.probe;

import dev.kroll.inventory.Host;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;

/**
 * A {@link TunnelOpener} over a bare SSHJ connection, because this test's server takes a password, which
 * kroll's own sessions never offer (kroll itself uses {@link SshAccess}): a real SSH local port forward
 * (direct-tcpip channels), listening on 127.0.0.1.
 */
final class SshTunnels implements TunnelOpener {

    private final SSHClient ssh;

    SshTunnels(SSHClient ssh) {
        this.ssh = ssh;
    }

    @Override
    public LocalTunnel open(Host host, String targetHost, int targetPort) throws IOException {
        ServerSocket listen = new ServerSocket();
        listen.setReuseAddress(true);
        listen.bind(new InetSocketAddress("127.0.0.1", 0));
        LocalPortForwarder fwd = ssh.newLocalPortForwarder(
                new Parameters("127.0.0.1", listen.getLocalPort(), targetHost, targetPort), listen);
        Thread t = new Thread(() -> {
            try {
                fwd.listen();
            } catch (IOException e) {
                // closed
            }
        }, "tunnel-" + host.name());
        t.setDaemon(true);
        t.start();
        return new LocalTunnel() {
            @Override
            public int localPort() {
                return listen.getLocalPort();
            }

            @Override
            public void close() {
                try {
                    fwd.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        };
    }
}
