package dev.kroll.rollout.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to subscribers on one dispatcher thread, in the order they were published, so
 * a subscriber (the TUI, the line printer) never sees two events at once and never slows the
 * engine's own threads. A failing subscriber is logged and does not stop the others.
 */
public final class EventBus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private static final Object END = new Object();

    private final List<Consumer<RunEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread dispatcher;

    public EventBus() {
        dispatcher = new Thread(this::dispatch, "kroll-events");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    public void subscribe(Consumer<RunEvent> s) {
        subscribers.add(s);
    }

    public void publish(RunEvent e) {
        LOG.info("{}", e);
        queue.add(e);
    }

    /** Delivers what is queued, then stops the dispatcher. */
    @Override
    public void close() {
        queue.add(END);
        try {
            dispatcher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch() {
        while (true) {
            Object o;
            try {
                o = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (o == END) {
                return;
            }
            for (Consumer<RunEvent> s : subscribers) {
                try {
                    s.accept((RunEvent) o);
                } catch (RuntimeException ex) {
                    LOG.warn("event subscriber failed on {}", o, ex);
                }
            }
        }
    }
}
