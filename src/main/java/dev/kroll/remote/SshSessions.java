package dev.kroll.remote;

import dev.kroll.inventory.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection per host, opened on first use and reused by every later action on that host (a rollout
 * runs dozens of commands per host; a handshake each time would dominate). A dead connection is replaced.
 */
public final class SshSessions implements AutoCloseable {

    private final SshConnector connector;
    private final Map<String, SshSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public SshSessions(SshConnector connector) {
        this.connector = connector;
    }

    public SshSessions(SshOptions options) {
        this(new SshConnector(options));
    }

    public SshOptions options() {
        return connector.options();
    }

    /** The live session to {@code host}, connecting if there is none (connects to different hosts run in parallel). */
    public SshSession get(Host host) {
        synchronized (locks.computeIfAbsent(host.name(), k -> new Object())) {
            SshSession s = sessions.get(host.name());
            if (s != null && s.isAlive() && s.host().equals(host)) {
                return s;
            }
            if (s != null) {
                s.close();
            }
            SshSession fresh = connector.connect(host);
            sessions.put(host.name(), fresh);
            return fresh;
        }
    }

    /** Closes the host's connection (after a timeout or cancellation; blocked calls on it fail at once). */
    public void drop(String hostName) {
        SshSession s = sessions.remove(hostName);
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void close() {
        List<String> names = new ArrayList<>(sessions.keySet());
        names.forEach(this::drop);
    }
}
