package dev.kroll.tui.dashboard;

import dev.kroll.probe.ClusterSnapshot;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a refresh function (the probe's) every interval on a thread of its own, waiting for one refresh
 * to end before the next begins, so a slow cluster never piles up refreshes.
 */
public final class ScheduledSnapshotFeed implements SnapshotFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSnapshotFeed.class);

    private final Callable<ClusterSnapshot> refresh;
    private final String note;
    private final Object lock = new Object();
    private Duration interval;
    private boolean paused;
    private boolean wake;
    private boolean closed;
    private Thread thread;

    public ScheduledSnapshotFeed(Callable<ClusterSnapshot> refresh, Duration interval) {
        this(refresh, interval, null);
    }

    /** @param note what this feed cannot read, for the dashboard to say (or null) */
    public ScheduledSnapshotFeed(Callable<ClusterSnapshot> refresh, Duration interval, String note) {
        this.refresh = refresh;
        this.interval = interval;
        this.note = note;
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public void start(Consumer<ClusterSnapshot> delivered, Consumer<String> failed) {
        thread = new Thread(() -> run(delivered, failed), "kroll-snapshot-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Consumer<ClusterSnapshot> delivered, Consumer<String> failed) {
        while (true) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
            }
            long started = System.nanoTime();
            if (!paused()) {
                try {
                    delivered.accept(refresh.call());
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    LOG.warn("probe refresh failed", e);
                    failed.accept(e.getMessage() == null ? "the probe failed (" + e.getClass().getSimpleName()
                            + "; details in the log)" : e.getMessage());
                }
            }
            synchronized (lock) {
                while (!wake && !closed) {
                    long left = started + interval.toNanos() - System.nanoTime(); // re-read: + and - change it
                    if (!paused && left <= 0) {
                        break;
                    }
                    try {
                        lock.wait(paused ? 0 : Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                wake = false;
            }
        }
    }

    @Override
    public Duration interval() {
        synchronized (lock) {
            return interval;
        }
    }

    @Override
    public void interval(Duration d) {
        synchronized (lock) {
            interval = d;
            lock.notifyAll(); // re-evaluate the deadline with the new interval
        }
    }

    @Override
    public boolean paused() {
        synchronized (lock) {
            return paused;
        }
    }

    @Override
    public void pause(boolean p) {
        synchronized (lock) {
            paused = p;
            if (!p) {
                wake = true;
            }
            lock.notifyAll();
        }
    }

    @Override
    public void refreshNow() {
        synchronized (lock) {
            wake = true;
            lock.notifyAll();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}
