package dev.kroll.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.Consumer;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.LocalPortForwarder;
import net.schmizz.sshj.connection.channel.direct.Parameters;

/**
 * An SSH local port forward ({@code ssh -L}) over an existing connection: connections to
 * {@code 127.0.0.1:localPort()} on the jump host become direct-tcpip channels to
 * {@code target:targetPort} as seen from the remote host. The local end listens on loopback only,
 * so no other machine can use the tunnel. Closing it stops listening; connections already accepted
 * end with their own sockets or with the SSH connection.
 */
public final class LocalForward implements AutoCloseable {

    private final SSHClient client;
    private final ServerSocket listen;
    private final LocalPortForwarder forwarder;
    private final Consumer<LocalForward> onClose;
    private final String description;

    private LocalForward(SSHClient client, ServerSocket listen, LocalPortForwarder forwarder, Consumer<LocalForward> onClose,
                         String description) {
        this.client = client;
        this.listen = listen;
        this.forwarder = forwarder;
        this.onClose = onClose;
        this.description = description;
    }

    static LocalForward open(SSHClient client, String hostName, String target, int targetPort, Consumer<LocalForward> onClose)
            throws IOException {
        ServerSocket listen = new ServerSocket();
        try {
            listen.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            LocalPortForwarder f = client.newLocalPortForwarder(
                    new Parameters(listen.getInetAddress().getHostAddress(), listen.getLocalPort(), target, targetPort), listen);
            LocalForward fwd = new LocalForward(client, listen, f, onClose,
                    "127.0.0.1:" + listen.getLocalPort() + " -> " + hostName + ":" + target + ":" + targetPort);
            Thread t = new Thread(() -> {
                try {
                    f.listen();
                } catch (IOException e) {
                    // the listening socket was closed (close() or the connection ended)
                } finally {
                    fwd.close();
                }
            }, "kroll-forward-" + hostName + "-" + targetPort);
            t.setDaemon(true);
            t.start();
            return fwd;
        } catch (IOException | RuntimeException e) {
            listen.close();
            throw e;
        }
    }

    /** The loopback port on the jump host that leads to the target. */
    public int localPort() {
        return listen.getLocalPort();
    }

    /** Listening, over an SSH connection that is still up. */
    public boolean isOpen() {
        return !listen.isClosed() && client.isConnected();
    }

    @Override
    public void close() {
        try {
            forwarder.close();
        } catch (IOException e) {
            // already closed
        }
        try {
            listen.close();
        } catch (IOException e) {
            // already closed
        }
        onClose.accept(this);
    }

    @Override
    public String toString() {
        return description;
    }
}
