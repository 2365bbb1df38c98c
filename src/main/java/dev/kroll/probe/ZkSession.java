package dev.kroll.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.RetryNTimes;

/**
 * kroll's own Curator connection to the ensemble, kept open across refreshes. Its state as seen by
 * a {@code ConnectionStateListener} is part of every snapshot; the Kafka probe reads the broker
 * registrations through it.
 */
public final class ZkSession implements AutoCloseable {

    private static final String NEVER_CONNECTED = "CONNECTING";

    private final CuratorFramework client;
    private final Clock clock;
    private volatile ZkSessionState state;

    private ZkSession(CuratorFramework client, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.state = new ZkSessionState(NEVER_CONNECTED, clock.instant());
    }

    /**
     * Starts (without waiting) a session to the given servers.
     *
     * @param chroot Kafka's chroot ({@code /kafka}) or null; paths such as {@code /brokers/ids} are below it
     * @param timeout connection timeout; the session timeout is a few times longer
     */
    public static ZkSession start(List<ZkTarget> servers, String chroot, Duration timeout, Clock clock) {
        String connect = servers.stream().map(ZkTarget::clientEndpoint).collect(Collectors.joining(","));
        int ms = (int) timeout.toMillis();
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(connect)
                .namespace(chroot == null || chroot.isBlank() || chroot.equals("/") ? null : chroot.replaceAll("^/+|/+$", ""))
                .connectionTimeoutMs(ms)
                .sessionTimeoutMs(Math.max(6000, 4 * ms))
                // reads are retried by the next refresh, not here: a probe must answer quickly
                .retryPolicy(new RetryNTimes(1, 100))
                .build();
        ZkSession s = new ZkSession(client, clock);
        client.getConnectionStateListenable().addListener((c, newState) -> s.changed(newState));
        client.start();
        return s;
    }

    private synchronized void changed(ConnectionState newState) {
        state = new ZkSessionState(newState.name(), clock.instant());
    }

    public ZkSessionState state() {
        return state;
    }

    /** Waits up to {@code timeout} for the first connection; true when connected. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        boolean up = client.blockUntilConnected((int) timeout.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (this) {
            if (up && state.state().equals(NEVER_CONNECTED)) {
                // Curator tells its listeners on its own thread, possibly after this returns: say it now
                state = new ZkSessionState(ConnectionState.CONNECTED.name(), clock.instant());
            }
        }
        return up;
    }

    /** Not connected yet since the start (as opposed to suspended or lost later). */
    public boolean neverConnected() {
        return state.state().equals(NEVER_CONNECTED);
    }

    public boolean connected() {
        return client.getZookeeperClient().isConnected();
    }

    /** The Curator client (paths relative to the chroot). */
    public CuratorFramework curator() {
        return client;
    }

    Instant now() {
        return clock.instant();
    }

    @Override
    public void close() {
        client.close();
    }
}
