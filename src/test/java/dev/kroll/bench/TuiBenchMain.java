package dev.kroll.bench;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SeparateTextGUIThread;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import dev.kroll.tui.Tui;
import dev.kroll.tui.dashboard.DashboardView;
import dev.kroll.tui.dashboard.ScheduledSnapshotFeed;
import dev.kroll.tui.dashboard.Snapshots;
import dev.kroll.tui.theme.ColorSupport;
import dev.kroll.tui.theme.Themes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs on a real terminal for {@link TuiBench}, as a process of its own: {@code dashboard} is kroll's
 * dashboard fed a hand-built snapshot every 2 s (benchmark fixture, no cluster needed); {@code stock} is
 * one idle window on Lanterna's stock GUI thread, for comparison.
 */
public final class TuiBenchMain {

    private TuiBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8).setForceTextTerminal(true)
                .createTerminal();
        if (args[0].equals("stock")) {
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            MultiWindowTextGUI gui = new MultiWindowTextGUI(new SeparateTextGUIThread.Factory(), screen);
            BasicWindow w = new BasicWindow("stock");
            w.setHints(Set.of(Window.Hint.FULL_SCREEN));
            w.setComponent(new Label("Lanterna's SeparateTextGUIThread, idle"));
            gui.addWindow(w);
            ((SeparateTextGUIThread) gui.getGUIThread()).start();
            Thread.sleep(Long.MAX_VALUE);
        }
        AtomicInteger tick = new AtomicInteger();
        ScheduledSnapshotFeed feed = new ScheduledSnapshotFeed(() -> Snapshots.cluster(tick.getAndIncrement(), Set.of(), 0),
                Duration.ofSeconds(2));
        DashboardView dashboard = new DashboardView(feed, null, Clock.systemUTC(), Duration.ofSeconds(3));
        try (Tui tui = Tui.start(terminal, new Tui.Config(Themes.load("dark", null, ColorSupport.INDEXED_256), false, "bench",
                s -> s.show(dashboard)), true)) {
            tui.awaitQuit();
        }
    }
}
