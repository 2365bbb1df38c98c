package dev.kroll.probe;

import dev.kroll.inventory.Host;
import java.io.IOException;

/**
 * Opens a local port forward over kroll's SSH connection to a host: connections to
 * {@code 127.0.0.1:localPort()} on the jump host reach {@code targetHost:targetPort} as seen from
 * that host (typically its loopback, where JMX is bound). {@link SshAccess} implements it over
 * {@code dev.kroll.remote}.
 */
public interface TunnelOpener {

    LocalTunnel open(Host host, String targetHost, int targetPort) throws IOException;

    /** An open forward; closing it stops listening and closes its connections. */
    interface LocalTunnel extends AutoCloseable {

        int localPort();

        /** False once closed, also when the SSH connection under it ended. */
        default boolean isOpen() {
            return true;
        }

        @Override
        void close();
    }
}
