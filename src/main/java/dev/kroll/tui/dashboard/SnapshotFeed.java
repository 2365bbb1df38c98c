package dev.kroll.tui.dashboard;

import dev.kroll.probe.ClusterSnapshot;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where the dashboard gets snapshots from. The feed runs the probe on its own thread (never the UI
 * thread); the dashboard only receives the immutable results.
 */
public interface SnapshotFeed extends AutoCloseable {

    /** Starts refreshing; both callbacks run on the feed's thread. {@code failed} gets one line of why. */
    void start(Consumer<ClusterSnapshot> delivered, Consumer<String> failed);

    Duration interval();

    void interval(Duration d);

    boolean paused();

    void pause(boolean paused);

    /** Something the operator should know about what this feed cannot read (e.g. JMX), or null. */
    default String note() {
        return null;
    }

    /** Refreshes now instead of waiting for the interval. */
    void refreshNow();

    @Override
    void close();
}
