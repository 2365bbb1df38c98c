package dev.kroll.tui.loop;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads key strokes with a blocking read on its own thread and hands them to the {@link EventLoop}, so
 * waiting for the operator costs nothing and the GUI thread never blocks on the terminal.
 */
public final class InputReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InputReader.class);

    private final Thread thread;
    private volatile boolean closed;

    public InputReader(Screen screen, EventLoop loop) {
        this.thread = new Thread(() -> read(screen, loop), "kroll-input");
        this.thread.setDaemon(true); // a read on System.in cannot be interrupted; never keep the JVM alive for it
    }

    public InputReader start() {
        thread.start();
        return this;
    }

    private void read(Screen screen, EventLoop loop) {
        try {
            while (!closed) {
                KeyStroke key = screen.readInput();
                if (key == null) {
                    continue;
                }
                loop.postKey(key);
                if (key.getKeyType() == KeyType.EOF) {
                    return;
                }
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("reading the terminal failed", e);
                loop.postKey(new KeyStroke(KeyType.EOF));
            }
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.warn("reading the terminal failed", e);
                loop.postKey(new KeyStroke(KeyType.EOF));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt(); // ends a read on a virtual terminal; a real one ends with the process
    }
}
