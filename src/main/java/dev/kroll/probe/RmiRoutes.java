package dev.kroll.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.rmi.server.RMISocketFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * kroll's JVM-wide RMI socket factory. A JMX stub names the endpoint the broker announces
 * ({@code java.rmi.server.hostname} and the RMI port); when that endpoint is only reachable through
 * an SSH tunnel, a route sends its connections to the tunnel's local port instead. Every RMI socket
 * also gets a connect and read timeout, so a hung broker cannot hang a refresh.
 */
final class RmiRoutes extends RMISocketFactory {

    private static RmiRoutes installed;

    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private volatile int timeoutMs;

    private record Route(InetSocketAddress local, Object owner) {
    }

    private RmiRoutes(int timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** The factory, installed on first use (RMI allows setting it once per JVM). */
    static synchronized RmiRoutes install(int timeoutMs) throws IOException {
        if (installed == null) {
            RmiRoutes r = new RmiRoutes(timeoutMs);
            RMISocketFactory.setSocketFactory(r);
            installed = r;
        }
        installed.timeoutMs = Math.max(installed.timeoutMs, timeoutMs);
        return installed;
    }

    /**
     * Sends connections for {@code host:port} to {@code local}. Fails when another owner holds the
     * same endpoint: two brokers announcing the same address cannot be told apart.
     */
    void claim(String host, int port, InetSocketAddress local, Object owner, String ownerName) throws IOException {
        Route mine = new Route(local, owner);
        Route held = routes.putIfAbsent(key(host, port), mine);
        if (held != null && held.owner != owner) {
            throw new IOException("its JMX announces " + HostPorts.format(host, port) + ", as " + ownerName
                    + "'s does, so kroll cannot tell their tunnels apart; render kafka.env again (kroll render: each host's JMX"
                    + " on its own loopback address) and restart the broker");
        }
        routes.put(key(host, port), mine);
    }

    void release(Object owner) {
        routes.values().removeIf(r -> r.owner == owner);
    }

    Object ownerOf(String host, int port) {
        Route r = routes.get(key(host, port));
        return r == null ? null : r.owner;
    }

    private static String key(String host, int port) {
        return host.toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Route r = routes.get(key(host, port));
        InetSocketAddress target = r != null ? r.local : new InetSocketAddress(host, port);
        Socket s = new Socket();
        try {
            s.connect(target, timeoutMs);
            s.setSoTimeout(timeoutMs);
            s.setTcpNoDelay(true);
            return s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        // kroll exports nothing over RMI; should a library do so, keep it on loopback
        return new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    }
}
