package dev.kroll.remote;

import dev.kroll.inventory.Host;
import dev.kroll.util.Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one action on many hosts, at most {@code concurrency} at a time, each within {@code hostTimeout}.
 * Every host gets exactly one {@link HostResult}, in inventory order: a host that fails, times out or is
 * cancelled is reported as FAILED with a reason and never hides the others.
 */
public final class FanOut {

    public static final int DEFAULT_CONCURRENCY = 16;
    public static final Duration DEFAULT_HOST_TIMEOUT = Duration.ofMinutes(10);

    private static final Logger LOG = LoggerFactory.getLogger(FanOut.class);
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kroll-fanout-timer");
        t.setDaemon(true);
        return t;
    });

    private final SshSessions sessions;
    private final int concurrency;
    private final Duration hostTimeout;

    public FanOut(SshSessions sessions, int concurrency, Duration hostTimeout) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.sessions = sessions;
        this.concurrency = concurrency;
        this.hostTimeout = hostTimeout;
    }

    public FanOut(SshSessions sessions) {
        this(sessions, DEFAULT_CONCURRENCY, DEFAULT_HOST_TIMEOUT);
    }

    /** Runs and waits for every host. */
    public <T> List<HostResult<T>> run(List<Host> hosts, HostAction<T> action, FanOutListener listener) {
        return start(hosts, action, listener).await();
    }

    /** Starts the run and returns at once; the handle waits for or cancels it. */
    public <T> Run<T> start(List<Host> hosts, HostAction<T> action, FanOutListener listener) {
        return new Run<>(hosts, action, listener);
    }

    /** A run in progress. */
    public final class Run<T> {

        private final List<CompletableFuture<HostResult<T>>> results = new ArrayList<>();
        private final List<HostContext> contexts = new ArrayList<>();
        private final List<AtomicBoolean> finished = new ArrayList<>();
        private final List<Thread> workers;
        private final ExecutorService pool;
        private final FanOutListener listener;
        private volatile boolean cancelled;

        private Run(List<Host> hosts, HostAction<T> action, FanOutListener listener) {
            this.listener = listener;
            this.workers = new ArrayList<>(java.util.Collections.nCopies(hosts.size(), (Thread) null));
            AtomicInteger n = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, hosts.size())), r -> {
                Thread t = new Thread(r, "kroll-fanout-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            for (int i = 0; i < hosts.size(); i++) {
                results.add(new CompletableFuture<>());
                finished.add(new AtomicBoolean());
                contexts.add(new HostContext(hosts.get(i), sessions, listener));
            }
            for (int i = 0; i < hosts.size(); i++) {
                int index = i;
                pool.execute(() -> runOne(index, action));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> pool.shutdownNow());
        }

        private void runOne(int i, HostAction<T> action) {
            HostContext ctx = contexts.get(i);
            String name = ctx.host().name();
            long start = System.nanoTime();
            if (cancelled) {
                finish(i, Status.FAILED, "cancelled before it started", null, start);
                return;
            }
            synchronized (workers) {
                workers.set(i, Thread.currentThread());
            }
            listener.on(new HostEvent.Started(name));
            ScheduledFuture<?> timer = TIMERS.schedule(() -> abort(i, "timed out after " + SshSession.human(hostTimeout), start),
                    hostTimeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                Outcome<T> o = action.run(ctx);
                finish(i, o.status(), o.detail(), o.value(), start);
            } catch (CancellationException e) {
                finish(i, Status.FAILED, "cancelled", null, start);
            } catch (Exception | Error e) {
                LOG.warn("{} failed", name, e);
                finish(i, Status.FAILED, reason(e), null, start);
            } finally {
                timer.cancel(false);
                synchronized (workers) {
                    workers.set(i, null);
                }
                Thread.interrupted();   // an abort's interrupt must not leak into the pool's next host
            }
        }

        /** Gives the host its result now and stops its work: interrupt, and close its connection. */
        private void abort(int i, String reason, long start) {
            HostContext ctx = contexts.get(i);
            ctx.cancel();
            finish(i, Status.FAILED, reason, null, start);
            synchronized (workers) {
                Thread t = workers.get(i);
                if (t != null) {
                    t.interrupt();
                }
            }
            sessions.drop(ctx.host().name());
        }

        private void finish(int i, Status status, String reason, T value, long start) {
            String host = contexts.get(i).host().name();
            HostResult<T> r = new HostResult<>(host, status, reason, value, Duration.ofNanos(System.nanoTime() - start));
            // claim first (an abort and the worker may both finish a host), tell the listener, then complete:
            // await() must not return before the last host's Finished event has been delivered
            if (!finished.get(i).compareAndSet(false, true)) {
                return;
            }
            try {
                listener.on(new HostEvent.Finished(host, r));
            } finally {
                results.get(i).complete(r);
            }
        }

        /** Stops the run: hosts not started fail as cancelled, running ones are interrupted. */
        public void cancel() {
            cancelled = true;
            for (int i = 0; i < contexts.size(); i++) {
                boolean running;
                synchronized (workers) {
                    running = workers.get(i) != null;
                }
                if (running) {
                    abort(i, "cancelled", System.nanoTime());
                }
            }
        }

        public boolean isDone() {
            return results.stream().allMatch(CompletableFuture::isDone);
        }

        /** Waits for every host; results in the order the hosts were given. */
        public List<HostResult<T>> await() {
            return results.stream().map(CompletableFuture::join).toList();
        }
    }

    static String reason(Throwable e) {
        String msg = e instanceof dev.kroll.util.KrollException ? e.getMessage() : Errors.message(e);
        return msg == null ? e.getClass().getSimpleName() : msg.replace('\n', ' ');
    }
}
