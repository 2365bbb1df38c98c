package dev.kroll.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.rmi.NotBoundException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnector;
import javax.management.remote.rmi.RMIServer;

/**
 * One broker's JMX connection, kept open across refreshes and reopened after a failure. Through a
 * tunnel: the RMI registry is looked up over the forwarded port, and the endpoint its stub announces
 * (the RMI port equals the JMX port, so the same forward serves it) is routed to the tunnel.
 */
final class JmxConnection implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("endpoint:\\[([^\\]]+):(\\d+)(?:,[^\\]]*)?\\]");

    private final JmxTarget target;
    private final TunnelOpener tunnels;
    private final int timeoutMs;
    private TunnelOpener.LocalTunnel tunnel;
    private JMXConnector connector;
    private MBeanServerConnection mbeans;

    JmxConnection(JmxTarget target, TunnelOpener tunnels, int timeoutMs) {
        this.target = target;
        this.tunnels = tunnels;
        this.timeoutMs = timeoutMs;
    }

    synchronized MBeanServerConnection mbeans() throws IOException {
        if (mbeans != null && tunnel != null && !tunnel.isOpen()) {
            // the SSH connection under the forward ended (a new one is opened on demand): start over
            close();
        }
        if (mbeans == null) {
            RmiRoutes routes = RmiRoutes.install(timeoutMs);
            try {
                connector = target.tunnel() ? viaTunnel(routes) : direct();
                mbeans = connector.getMBeanServerConnection();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }
        return mbeans;
    }

    private JMXConnector direct() throws IOException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + HostPorts.format(target.bindAddress(), target.port()) + "/jmxrmi");
        return JMXConnectorFactory.connect(url, new HashMap<>());
    }

    private JMXConnector viaTunnel(RmiRoutes routes) throws IOException {
        if (tunnels == null) {
            throw new IOException("no SSH tunnel available (kroll's remote sessions are not set up)");
        }
        tunnel = tunnels.open(target.host(), target.bindAddress(), target.port());
        InetSocketAddress local = new InetSocketAddress("127.0.0.1", tunnel.localPort());
        Registry registry = LocateRegistry.getRegistry("127.0.0.1", tunnel.localPort(), new Forwarded(local, timeoutMs));
        RMIServer stub;
        try {
            stub = (RMIServer) registry.lookup("jmxrmi");
        } catch (NotBoundException e) {
            throw new IOException("no JMX connector (jmxrmi) in the RMI registry on " + target.route(), e);
        }
        Matcher m = ENDPOINT.matcher(stub.toString());
        if (!m.find()) {
            throw new IOException("cannot tell where the JMX stub of " + target.route() + " points: " + stub);
        }
        String host = m.group(1);
        int port = Integer.parseInt(m.group(2));
        if (port != target.port()) {
            throw new IOException("its RMI port " + port + " differs from the JMX port " + target.port()
                    + "; set -Dcom.sun.management.jmxremote.rmi.port=" + target.port() + " so one tunnel serves both");
        }
        Object other = routes.ownerOf(host, port);
        routes.claim(host, port, local, this, other instanceof JmxConnection c ? c.target.host().name() : "another broker");
        RMIConnector c = new RMIConnector(stub, new HashMap<String, Object>(Map.of()));
        c.connect();
        return c;
    }

    /** The registry lookup's own factory: straight to the tunnel's local port. */
    private record Forwarded(InetSocketAddress local, int timeoutMs) implements RMIClientSocketFactory {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = new Socket();
            s.connect(local, timeoutMs);
            s.setSoTimeout(timeoutMs);
            return s;
        }
    }

    @Override
    public synchronized void close() {
        mbeans = null;
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException | RuntimeException e) {
                // the broker is gone anyway; nothing to release on our side but the tunnel
            }
            connector = null;
        }
        try {
            RmiRoutes.install(timeoutMs).release(this);
        } catch (IOException e) {
            // never installed: nothing routed
        }
        if (tunnel != null) {
            tunnel.close();
            tunnel = null;
        }
    }
}
