package dev.kroll.tui;

import dev.kroll.tui.loop.EventLoop;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One-shot timers whose work runs on the UI thread (message expiry, end of a change highlight). A timer
 * thread that sleeps until the next deadline costs nothing while idle; nothing here ticks periodically.
 */
public final class Timers implements AutoCloseable {

    private final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kroll-ui-timer");
        t.setDaemon(true);
        return t;
    });
    private final EventLoop loop;

    public Timers(EventLoop loop) {
        this.loop = loop;
    }

    /** Runs {@code task} on the UI thread after {@code delay}. */
    public ScheduledFuture<?> after(Duration delay, Runnable task) {
        return exec.schedule(() -> loop.invokeLater(task), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
