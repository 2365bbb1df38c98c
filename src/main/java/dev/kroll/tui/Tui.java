package dev.kroll.tui;

import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.kroll.tui.loop.EventLoop;
import dev.kroll.tui.loop.InputReader;
import dev.kroll.tui.theme.Themes;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A running TUI on a terminal: the screen, the GUI, its event loop and the shell. {@code kroll tui} runs it
 * on the real terminal; tests run it on Lanterna's virtual terminal and press keys with {@link #press}.
 */
public final class Tui implements AutoCloseable {

    /** What to start with. {@code views} installs the screens (wizard, dashboard) into the shell. */
    public record Config(Themes.KrollTheme theme, boolean readonly, String cluster, Consumer<Shell> views) {
    }

    private final TerminalScreen screen;
    private final Terminal terminal;
    private final EventLoop loop;
    private final Shell shell;
    private final InputReader reader;

    private Tui(TerminalScreen screen, Terminal terminal, EventLoop loop, Shell shell, InputReader reader) {
        this.screen = screen;
        this.terminal = terminal;
        this.loop = loop;
        this.shell = shell;
        this.reader = reader;
    }

    /**
     * Starts the UI on {@code terminal}.
     *
     * @param readKeys true to read keys from the terminal on a thread of its own (a real terminal); false
     *                 when the caller delivers them with {@link #press} (a virtual terminal, whose blocking
     *                 read holds the terminal's lock and would stall painting)
     */
    public static Tui start(Terminal terminal, Config config, boolean readKeys) throws IOException {
        TerminalScreen screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
        // The main window is full screen, so the background is never seen: it draws nothing (an EmptySpace
        // would clear the whole screen once more on every repaint).
        MultiWindowTextGUI gui = new MultiWindowTextGUI(EventLoop.factory(), screen, new DefaultWindowManager(), null,
                new HiddenBackground());
        gui.setVirtualScreenEnabled(false);
        EventLoop loop = (EventLoop) gui.getGUIThread();
        Shell shell = new Shell(gui, screen, loop, config.theme(), config.readonly(), config.cluster());
        config.views().accept(shell);
        terminal.addResizeListener((t, size) -> loop.wake());
        loop.start();
        InputReader reader = readKeys ? new InputReader(screen, loop).start() : null;
        return new Tui(screen, terminal, loop, shell, reader);
    }

    public Shell shell() {
        return shell;
    }

    public EventLoop loop() {
        return loop;
    }

    /** Delivers a key as if typed (any thread). */
    public Tui press(KeyStroke key) {
        loop.postKey(key);
        return this;
    }

    /** Delivers keys by spec ({@code "q"}, {@code "Enter"}, {@code "C-c"}). */
    public Tui press(String... specs) {
        for (String s : specs) {
            press(Keys.stroke(s));
        }
        return this;
    }

    /** Types text character by character. */
    public Tui type(String text) {
        for (char c : text.toCharArray()) {
            press(new KeyStroke(c, false, false));
        }
        return this;
    }

    /** Waits until everything delivered so far is handled and painted. */
    public boolean sync() throws InterruptedException {
        return loop.sync(10, TimeUnit.SECONDS);
    }

    /** Blocks until the operator quits. */
    public void awaitQuit() throws InterruptedException {
        shell.awaitQuit();
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
        shell.timers().close();
        loop.stop();
        try {
            loop.waitForStop(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shell.closeAll();
        screen.stopScreen(false); // the input reader may still hold the terminal's read lock: do not drain
        terminal.close();         // restores the terminal's settings (echo, line mode)
    }
}
