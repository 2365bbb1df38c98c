package dev.kroll.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import dev.kroll.tui.loop.EventLoop;
import dev.kroll.tui.overlay.ConfirmOverlay;
import dev.kroll.tui.overlay.Overlay;
import dev.kroll.tui.overlay.OverlayWindow;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.theme.Themes;
import dev.kroll.tui.widget.Canvas;
import dev.kroll.tui.widget.Line;
import dev.kroll.tui.widget.Pane;
import dev.kroll.tui.widget.Split;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame around every screen: header, the current {@link View}, footer; overlays (help, confirmations)
 * and the {@code :} command line; the keys that work everywhere. Runs on the UI thread only.
 */
public final class Shell {

    private static final Logger LOG = LoggerFactory.getLogger(Shell.class);
    static final Duration MESSAGE_TIME = Duration.ofSeconds(6);

    private final MultiWindowTextGUI gui;
    private final Screen realScreen;
    private final EventLoop loop;
    private final Timers timers;
    private final boolean readonly;
    private final String cluster;
    private final BasicWindow main = new BasicWindow("kroll");
    private final Panel frame;
    private final Deque<View> views = new ArrayDeque<>();
    private final Deque<OverlayWindow> overlays = new ArrayDeque<>();
    private final CommandLine commandLine = new CommandLine();
    private final ShellCommands registry = new ShellCommands(this);
    private final Map<String, View> homes = new LinkedHashMap<>();
    private final CountDownLatch quit = new CountDownLatch(1);
    private final Footer footer;
    private Themes.KrollTheme theme;
    private TooSmallWindow tooSmall;
    private TerminalSize lastSize;
    private BooleanSupplier runInProgress = () -> false;
    private Supplier<String> runStatus = () -> null;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    public Shell(MultiWindowTextGUI gui, Screen realScreen, EventLoop loop, Themes.KrollTheme theme, boolean readonly, String cluster) {
        this.gui = gui;
        this.realScreen = realScreen;
        this.loop = loop;
        this.timers = new Timers(loop);
        this.theme = theme;
        this.readonly = readonly;
        this.cluster = cluster;
        this.footer = new Footer(this);
        Canvas header = new Canvas(new TerminalSize(80, 1), p -> Footer.paintHeader(p, this));
        Canvas foot = new Canvas(new TerminalSize(80, 1), footer::paint);
        this.frame = Split.rows(header, Split.Size.fixed(1), new Canvas(TerminalSize.ONE, p -> { }), Split.Size.weight(1),
                foot, Split.Size.fixed(1));
        main.setHints(Set.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS, Window.Hint.NO_POST_RENDERING));
        main.setComponent(frame);
        gui.setTheme(theme.lanterna());
        gui.addWindow(main);
        loop.onKey(this::onKey);
        loop.beforePaint(this::beforePaint);
        GlobalCommands.register(this);
    }

    // ---- what views use ----

    public boolean readonly() {
        return readonly;
    }

    public String cluster() {
        return cluster;
    }

    public Timers timers() {
        return timers;
    }

    public EventLoop loop() {
        return loop;
    }

    public Themes.KrollTheme theme() {
        return theme;
    }

    /** Something to close when the TUI ends (a snapshot feed, an engine subscription). */
    public void closeLater(AutoCloseable c) {
        closeables.add(c);
    }

    /** Closes what views registered; called once the loop has stopped. */
    void closeAll() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", c, e);
            }
        }
        closeables.clear();
    }

    /** A top-level view reachable with a key from anywhere and by {@code :name}. */
    public void home(String name, View view) {
        homes.put(name, view);
    }

    public Map<String, View> homes() {
        return homes;
    }

    public void command(Command c) {
        registry.add(c);
    }

    /** Tells the shell whether a rollout is running (quitting then asks) and what to show in the header. */
    public void runState(BooleanSupplier inProgress, Supplier<String> status) {
        this.runInProgress = inProgress;
        this.runStatus = status;
    }

    boolean runInProgress() {
        return runInProgress.getAsBoolean();
    }

    String runStatus() {
        return runStatus.get();
    }

    /** Replaces the whole view stack with {@code view}. */
    public void show(View view) {
        while (!views.isEmpty()) {
            views.pop().hidden();
        }
        push(view);
    }

    /** Opens {@code view} on top; esc comes back. */
    public void push(View view) {
        if (!views.isEmpty()) {
            views.peek().hidden();
        }
        views.push(view);
        mount(view);
    }

    /** Goes back to the previous view; false if there is none. */
    public boolean pop() {
        if (views.size() < 2) {
            return false;
        }
        views.pop().hidden();
        mount(views.peek());
        return true;
    }

    public Optional<View> current() {
        return Optional.ofNullable(views.peek());
    }

    /** Shows a one-line message in the footer for a few seconds. */
    public void message(String text, Style style) {
        footer.message(text, style);
        timers.after(MESSAGE_TIME, footer::expire);
    }

    /** Asks y/n before {@code action}; the safe answer is the default. */
    public void confirm(String title, List<Line> what, Runnable action) {
        open(ConfirmOverlay.yesNo(title, what, action, null));
    }

    public void open(Overlay overlay) {
        OverlayWindow w = new OverlayWindow(overlay, realScreen.getTerminalSize());
        overlay.onClose(() -> {
            overlays.remove(w);
            gui.removeWindow(w);
            main.invalidate();
        });
        overlays.push(w);
        gui.addWindow(w);
        if (tooSmall != null) {
            gui.moveToTop(tooSmall);
        }
    }

    public boolean overlayOpen() {
        return !overlays.isEmpty();
    }

    public void setTheme(Themes.KrollTheme t) {
        this.theme = t;
        gui.setTheme(t.lanterna());
        gui.getWindows().forEach(Window::invalidate);
    }

    /** Quits, asking first while a run is in progress (or always, for ctrl-c). */
    public void requestQuit(boolean alwaysAsk) {
        if (runInProgress()) {
            confirm("Quit while a run is in progress?", List.of(
                    Line.of("A rollout is running: " + Optional.ofNullable(runStatus()).orElse("") + "."),
                    Line.of("Quitting stops it after the host action under way; the journal keeps"),
                    Line.of("what was done, and the wizard (or kroll resume) continues it later.")), this::quitNow);
        } else if (alwaysAsk) {
            confirm("Quit kroll?", List.of(Line.of("Nothing is running; quitting changes nothing.")), this::quitNow);
        } else {
            quitNow();
        }
    }

    public void quitNow() {
        quit.countDown();
    }

    public void awaitQuit() throws InterruptedException {
        quit.await();
    }

    public boolean quitRequested() {
        return quit.getCount() == 0;
    }

    // ---- keys ----

    /** The keys of the current screen: the view's, the focused pane's, then the global ones. */
    List<KeyBinding> activeBindings() {
        List<KeyBinding> out = new ArrayList<>(localBindings());
        out.addAll(GlobalCommands.keys(this));
        return out;
    }

    /** The view's and the focused pane's keys (readonly filtered). */
    List<KeyBinding> localBindings() {
        List<KeyBinding> out = new ArrayList<>();
        current().ifPresent(v -> out.addAll(v.bindings()));
        focusedPane().ifPresent(p -> out.addAll(p.bindings()));
        return out.stream().filter(b -> !(readonly && b.changesHosts())).toList();
    }

    private void onKey(KeyStroke key) {
        try {
            dispatch(key);
        } catch (IllegalArgumentException | IllegalStateException | dev.kroll.util.KrollException e) {
            message(e.getMessage(), Style.BAD);
        } catch (RuntimeException e) {
            LOG.error("key {} failed", key, e); // a bug: say so and keep the UI alive
            message("internal error: " + e + " (details in ~/.kroll/log/kroll.log)", Style.BAD);
        }
        main.invalidate();
    }

    private void dispatch(KeyStroke key) {
        if (key.getKeyType() == KeyType.EOF) {
            quitNow();
            return;
        }
        if (Keys.matches(key, "C-c")) {
            if (overlays.isEmpty() || !overlays.peek().overlay().title().startsWith("Quit")) {
                requestQuit(true);
            }
            return;
        }
        if (tooSmall != null) {
            if (Keys.matches(key, "q")) {
                requestQuit(false);
            }
            return;
        }
        if (!overlays.isEmpty()) {
            OverlayWindow top = overlays.peek();
            top.overlay().onKey(key);
            top.refresh();
            return;
        }
        if (commandLine.active()) {
            commandLine.onKey(key, visibleCommands().stream().map(Command::name).toList(), this::execute);
            return;
        }
        Optional<Pane> pane = focusedPane();
        if (pane.isPresent() && pane.get().capturesAllKeys()) {
            gui.handleInput(key);
            return;
        }
        for (KeyBinding b : activeBindings()) {
            if (b.action() != null && b.matches(key) && b.isEnabled()) {
                b.action().run();
                return;
            }
        }
        if (gui.handleInput(key)) {
            return;
        }
        if (Keys.matches(key, "Esc")) {
            back();
        }
    }

    void back() {
        if (focusedPane().map(Pane::back).orElse(false)) {
            return;
        }
        if (current().map(View::back).orElse(false)) {
            return;
        }
        pop();
    }

    void openCommandLine() {
        commandLine.open();
    }

    CommandLine commandLine() {
        return commandLine;
    }

    List<Command> visibleCommands() {
        return registry.visible();
    }

    /** Runs a {@code :} command line. */
    public void execute(String text) {
        registry.execute(text);
    }

    void showHelp() {
        registry.showHelp();
    }

    // ---- layout ----

    private void mount(View view) {
        Component c = view.component();
        frame.removeComponent(frame.getChildrenList().get(1));
        c.setLayoutData(Split.Size.weight(1));
        frame.addComponent(1, c);
        panes().stream().findFirst().ifPresent(p -> main.setFocusedInteractable(p));
        view.shown(this);
        main.invalidate();
    }

    Optional<Pane> focusedPane() {
        return Panes.focused(main);
    }

    /** The panes of the current view, in Tab order. */
    List<Pane> panes() {
        return current().map(v -> Panes.of(v.component())).orElse(List.of());
    }

    /** Before every paint: notice a resize, re-fit overlays, cover the screen if it is too small. */
    private void beforePaint() {
        gui.getScreen().doResizeIfNecessary();
        TerminalSize size = realScreen.getTerminalSize();
        if (!size.equals(lastSize)) {
            lastSize = size;
            overlays.forEach(o -> o.fit(size));
            gui.getWindows().forEach(Window::invalidate);
        }
        boolean small = TooSmallWindow.tooSmall(size);
        if (small && tooSmall == null) {
            tooSmall = new TooSmallWindow();
            gui.addWindow(tooSmall);
        } else if (!small && tooSmall != null) {
            gui.removeWindow(tooSmall);
            tooSmall = null;
            main.invalidate();
        }
        if (tooSmall != null) {
            tooSmall.size(size);
        }
    }
}
