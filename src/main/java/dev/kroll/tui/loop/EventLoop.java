package dev.kroll.tui.loop;

import com.googlecode.lanterna.gui2.AsynchronousTextGUIThread;
import com.googlecode.lanterna.gui2.TextGUI;
import com.googlecode.lanterna.gui2.TextGUIThreadFactory;
import com.googlecode.lanterna.input.KeyStroke;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GUI thread, driven by events instead of polling. Lanterna's {@code SeparateTextGUIThread} calls
 * {@code processEventsAndUpdate()} in a loop and sleeps 1 ms whenever nothing happened, which costs a few
 * percent of a core while idle. Here the thread blocks on one queue that receives key strokes (from a
 * blocking {@link InputReader}), tasks from other threads ({@link #invokeLater}: snapshots, engine events,
 * timers) and resize notices; after each batch it repaints, and only if something was invalidated.
 */
public final class EventLoop implements AsynchronousTextGUIThread {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);

    /** One thing for the GUI thread to do. */
    private sealed interface Event permits Key, Task, Sync, Stop {
    }

    private record Key(KeyStroke stroke) implements Event {
    }

    private record Task(Runnable runnable) implements Event {
    }

    /** Counted down after the batch that contains it has been painted (tests and benchmarks wait on it). */
    private record Sync(CountDownLatch painted) implements Event {
    }

    private record Stop() implements Event {
    }

    private final TextGUI gui;
    private final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Consumer<KeyStroke> keyHandler = k -> { };
    private volatile Runnable beforePaint = () -> { };
    private volatile State state = State.CREATED;
    private volatile Throwable failure;
    private ExceptionHandler exceptionHandler = new ExceptionHandler() {
        @Override
        public boolean onIOException(IOException e) {
            LOG.error("terminal I/O failed", e);
            return true;
        }

        @Override
        public boolean onRuntimeException(RuntimeException e) {
            LOG.error("UI failed", e);
            return true;
        }
    };

    private EventLoop(TextGUI gui) {
        this.gui = gui;
        this.thread = new Thread(this::run, "kroll-ui");
        this.thread.setDaemon(true);
    }

    /** Pass to the {@code MultiWindowTextGUI} constructor; fetch the loop back with {@code gui.getGUIThread()}. */
    public static TextGUIThreadFactory factory() {
        return EventLoop::new;
    }

    /** Where key strokes go (on the GUI thread). */
    public void onKey(Consumer<KeyStroke> handler) {
        this.keyHandler = handler;
    }

    /** Runs on the GUI thread before every repaint (e.g. to re-lay out after a resize). */
    public void beforePaint(Runnable r) {
        this.beforePaint = r;
    }

    /** Called by the input reader (any thread). */
    public void postKey(KeyStroke stroke) {
        queue.add(new Key(stroke));
    }

    @Override
    public void invokeLater(Runnable runnable) {
        queue.add(new Task(runnable));
    }

    /** Wakes the loop so it repaints if anything is pending (e.g. after a terminal resize). */
    public void wake() {
        queue.add(new Task(() -> { }));
    }

    /**
     * Waits until every event posted before this call has been handled and the result painted. Returns
     * false if the loop is not running or did not get there in time.
     */
    public boolean sync(long timeout, TimeUnit unit) throws InterruptedException {
        if (state != State.STARTED) {
            return false;
        }
        CountDownLatch latch = new CountDownLatch(1);
        queue.add(new Sync(latch));
        return latch.await(timeout, unit);
    }

    @Override
    public void invokeAndWait(Runnable runnable) throws InterruptedException {
        if (Thread.currentThread() == thread) {
            runnable.run();
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        invokeLater(() -> {
            try {
                runnable.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    @Override
    public void setExceptionHandler(ExceptionHandler handler) {
        this.exceptionHandler = handler;
    }

    @Override
    public Thread getThread() {
        return thread;
    }

    @Override
    public void start() {
        state = State.STARTED;
        thread.start();
    }

    @Override
    public void stop() {
        if (state == State.STARTED) {
            state = State.STOPPING;
            queue.add(new Stop());
        }
    }

    @Override
    public void waitForStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void waitForStop(long time, TimeUnit unit) throws InterruptedException {
        stopped.await(time, unit);
    }

    @Override
    public State getState() {
        return state;
    }

    /** Why the loop ended, if it ended on an error. */
    public Throwable failure() {
        return failure;
    }

    /**
     * Handles whatever is queued without blocking, then repaints if needed. Lanterna calls this from
     * modal helpers; kroll itself never needs it.
     */
    @Override
    public boolean processEventsAndUpdate() throws IOException {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("processEventsAndUpdate called outside the UI thread");
        }
        List<Event> batch = new ArrayList<>();
        queue.drainTo(batch);
        return handle(batch);
    }

    private void run() {
        try {
            paint();
            List<Event> batch = new ArrayList<>();
            while (state == State.STARTED) {
                batch.clear();
                batch.add(queue.take()); // blocks: no CPU while nothing happens
                queue.drainTo(batch);
                try {
                    handle(batch);
                } catch (IOException e) {
                    if (exceptionHandler.onIOException(e)) {
                        failure = e;
                        break;
                    }
                } catch (RuntimeException e) {
                    if (exceptionHandler.onRuntimeException(e)) {
                        failure = e;
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("UI failed", e);
            failure = e;
        } finally {
            state = State.STOPPED;
            // release anyone waiting for a paint that will never come
            List<Event> rest = new ArrayList<>();
            queue.drainTo(rest);
            rest.forEach(ev -> {
                if (ev instanceof Sync s) {
                    s.painted().countDown();
                }
            });
            stopped.countDown();
        }
    }

    private boolean handle(List<Event> batch) throws IOException {
        List<CountDownLatch> syncs = new ArrayList<>();
        for (Event ev : batch) {
            if (state != State.STARTED) {
                break;
            }
            try {
                if (ev instanceof Key k) {
                    keyHandler.accept(k.stroke());
                } else if (ev instanceof Task t) {
                    t.runnable().run();
                } else if (ev instanceof Sync s) {
                    syncs.add(s.painted());
                }
            } catch (RuntimeException e) {
                LOG.error("UI event failed; the UI carries on", e); // one bad event must not take the screen down
            }
        }
        boolean painted = state == State.STARTED && paint();
        syncs.forEach(CountDownLatch::countDown);
        return painted;
    }

    private boolean paint() throws IOException {
        beforePaint.run();
        if (gui.isPendingUpdate()) {
            gui.updateScreen();
            return true;
        }
        return false;
    }
}
