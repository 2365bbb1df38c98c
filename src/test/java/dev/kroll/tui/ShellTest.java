package dev.kroll.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.kroll.tui.theme.ColorSupport;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.theme.Themes;
import dev.kroll.tui.widget.Line;
import dev.kroll.tui.widget.Pane;
import dev.kroll.tui.widget.Painter;
import dev.kroll.tui.widget.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShellTest {

    private Tui tui;

    /** A screen with two panes and two keys: one harmless, one that would restart hosts. */
    static final class TwoPanes implements View {
        final AtomicInteger refreshed = new AtomicInteger();
        final AtomicBoolean restarted = new AtomicBoolean();
        final List<String> keysSeen = new ArrayList<>();
        Shell shell;
        final Pane left = new TestPane("Left", keysSeen);
        final Pane right = new TestPane("Right", keysSeen);
        final Component root = Split.cols(left, Split.Size.weight(1), right, Split.Size.weight(1));

        @Override
        public String title() {
            return "Test screen";
        }

        @Override
        public Component component() {
            return root;
        }

        @Override
        public List<KeyBinding> bindings() {
            return List.of(KeyBinding.of("r", "refresh", refreshed::incrementAndGet),
                    KeyBinding.of("R", "restart brokers", () -> shell.confirm("Restart every broker?",
                            List.of(Line.of("kafka-1, kafka-2, kafka-3 restart one by one")), () -> restarted.set(true)))
                            .changingHosts());
        }

        @Override
        public void shown(Shell s) {
            this.shell = s;
        }
    }

    static final class TestPane extends Pane {
        private final List<String> seen;

        TestPane(String title, List<String> seen) {
            super(title);
            this.seen = seen;
        }

        @Override
        protected void paintBody(Painter p) {
            p.text(0, 0, "inside " + title(), Style.NORMAL);
        }

        @Override
        public List<KeyBinding> bindings() {
            return List.of(KeyBinding.info("j/k", "move in " + title(), true));
        }

        @Override
        protected boolean onKey(KeyStroke key) {
            if (Keys.matches(key, "j")) {
                seen.add(title() + ":j");
                return true;
            }
            return false;
        }
    }

    private ScreenReader start(DefaultVirtualTerminal vt, View view, boolean readonly) throws Exception {
        Themes.KrollTheme theme = Themes.load("dark", null, ColorSupport.ANSI);
        tui = Tui.start(vt, new Tui.Config(theme, readonly, "test-cluster", s -> s.show(view)), false);
        assertTrue(tui.sync());
        return new ScreenReader(vt);
    }

    @AfterEach
    void stop() throws Exception {
        if (tui != null) {
            tui.close();
        }
    }

    @Test
    void headerNamesClusterAndScreenAndFooterListsTheKeysThatWork() throws Exception {
        TwoPanes view = new TwoPanes();
        ScreenReader screen = start(ScreenReader.terminal(100, 30), view, false);
        List<String> rows = screen.rows();
        assertTrue(rows.get(0).contains("kroll · test-cluster · Test screen"), rows.get(0));
        String footer = rows.get(29);
        assertTrue(footer.contains("r refresh"), footer);
        assertTrue(footer.contains("R restart brokers"), footer);
        assertTrue(footer.contains("j/k move in Left"), footer);
        assertTrue(footer.contains("? help"), footer);
        assertTrue(footer.contains("q quit"), footer);
        assertEquals(TextColor.ANSI.BLUE, screen.bg("kroll · test-cluster"));
    }

    @Test
    void tabMovesTheFocusToTheNextPaneAndKeysGoToTheFocusedPane() throws Exception {
        TwoPanes view = new TwoPanes();
        ScreenReader screen = start(ScreenReader.terminal(100, 30), view, false);
        assertTrue(screen.contains("▸Left"));
        tui.press("j", "Tab", "j");
        tui.sync();
        assertEquals(List.of("Left:j", "Right:j"), view.keysSeen);
        assertTrue(screen.contains("▸Right"), screen.text());
        assertFalse(screen.contains("▸Left"));
        assertTrue(screen.rows().get(29).contains("j/k move in Right"));
    }

    @Test
    void helpOverlayListsEveryKeyOfTheScreenAndClosesWithEsc() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(100, 30), new TwoPanes(), false);
        tui.press("?");
        tui.sync();
        String text = screen.text();
        for (String s : List.of("Keys: Test screen", "refresh", "restart brokers", "move in Left", "move in Right",
                "Everywhere", "help", "command", "quit", "next pane", ":theme", ":status", ":q")) {
            assertTrue(text.contains(s), s + " missing from help:\n" + text);
        }
        tui.press("Esc");
        tui.sync();
        assertFalse(screen.contains("Keys: Test screen"));
    }

    @Test
    void aKeyThatRestartsHostsAsksFirstAndNoIsTheDefault() throws Exception {
        TwoPanes view = new TwoPanes();
        ScreenReader screen = start(ScreenReader.terminal(100, 30), view, false);
        tui.press("R");
        tui.sync();
        assertTrue(screen.contains("Restart every broker?"));
        assertTrue(screen.contains("kafka-1, kafka-2, kafka-3 restart one by one"));
        tui.press("Enter");
        tui.sync();
        assertFalse(view.restarted.get(), "enter must not confirm");
        assertFalse(screen.contains("Restart every broker?"));
        tui.press("R", "y");
        tui.sync();
        assertTrue(view.restarted.get());
    }

    @Test
    void readonlyHidesAndRefusesEveryKeyThatChangesHosts() throws Exception {
        TwoPanes view = new TwoPanes();
        ScreenReader screen = start(ScreenReader.terminal(100, 30), view, true);
        assertTrue(screen.rows().get(0).contains("READ-ONLY"));
        assertFalse(screen.rows().get(29).contains("restart brokers"));
        tui.press("R");
        tui.press("?");
        tui.sync();
        assertFalse(screen.contains("Restart every broker?"));
        assertFalse(screen.text().contains("restart brokers"), "help lists a host-changing key under --readonly");
        assertTrue(screen.contains("refresh"));
    }

    @Test
    void commandLineRunsCommandsAndSuggestsOnTypos() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(100, 30), new TwoPanes(), false);
        tui.press(":").type("them");
        tui.sync();
        assertTrue(screen.rows().get(29).startsWith(":them"), screen.rows().get(29));
        tui.press("Tab").type("light").press("Enter");
        tui.sync();
        assertEquals("light", tui.shell().theme().name());
        assertTrue(screen.rows().get(29).contains("theme light"));
        assertEquals(TextColor.ANSI.WHITE, screen.bg("inside Left"));
        tui.press(":").type("staus").press("Enter");
        tui.sync();
        assertTrue(screen.rows().get(29).contains("unknown command :staus; did you mean :status?"), screen.rows().get(29));
    }

    @Test
    void qQuitsAtOnceWhenNothingRunsButCtrlCAsks() throws Exception {
        start(ScreenReader.terminal(100, 30), new TwoPanes(), false);
        tui.press("C-c");
        tui.sync();
        assertFalse(tui.shell().quitRequested());
        tui.press("n", "q");
        tui.sync();
        assertTrue(tui.shell().quitRequested());
    }

    @Test
    void quittingDuringARunAsksFirst() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(100, 30), new TwoPanes(), false);
        tui.loop().invokeAndWait(() -> tui.shell().runState(() -> true, () -> "ssl-migration 2/3"));
        tui.press("q");
        tui.sync();
        assertFalse(tui.shell().quitRequested());
        assertTrue(screen.contains("Quit while a run is in progress?"), screen.text());
        assertTrue(screen.contains("ssl-migration 2/3"));
        tui.press("y");
        tui.sync();
        assertTrue(tui.shell().quitRequested());
    }

    @Test
    void aTerminalSmallerThan80x24GetsAClearMessageAndResizingBringsTheScreenBack() throws Exception {
        DefaultVirtualTerminal vt = ScreenReader.terminal(100, 30);
        ScreenReader screen = start(vt, new TwoPanes(), false);
        vt.setTerminalSize(new TerminalSize(60, 20));
        tui.sync();
        assertTrue(screen.contains("kroll needs a terminal of at least 80×24."), screen.text());
        assertTrue(screen.contains("This one is 60×20."));
        assertFalse(screen.contains("inside Left"));
        vt.setTerminalSize(new TerminalSize(120, 40));
        tui.sync();
        assertFalse(screen.contains("kroll needs"));
        List<String> rows = screen.rows();
        assertEquals(40, rows.size());
        assertTrue(rows.get(39).contains("q quit"), "footer on the last row after resize");
        int[] right = screen.find("Right");
        assertNotNull(right);
        assertTrue(right[1] >= 59, "panes re-laid out to the new width: " + right[1]);
        assertNull(screen.find("kroll needs"));
    }
}
