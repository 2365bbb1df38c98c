package dev.kroll.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.kroll.tui.ScreenReader;
import dev.kroll.tui.Tui;
import dev.kroll.tui.theme.ColorSupport;
import dev.kroll.tui.theme.ThemeChoice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

    /** A clock the test moves by hand, so change highlights are checked without sleeping. */
    static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2025-05-01T10:00:00Z"));

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    private Tui tui;
    private DashboardView dashboard;
    private final HandClock clock = new HandClock();

    private ScreenReader start(DefaultVirtualTerminal vt, String theme) throws Exception {
        dashboard = new DashboardView(null, "test", clock, Duration.ofSeconds(3));
        tui = Tui.start(vt, new Tui.Config(ThemeChoice.load(theme, ColorSupport.INDEXED_256), false, "prod-eu",
                s -> s.show(dashboard)), false);
        tui.sync();
        return new ScreenReader(vt);
    }

    private void deliver(int tick, Set<Integer> dead, long zxidBump) throws Exception {
        tui.loop().invokeAndWait(() -> dashboard.accept(Snapshots.cluster(tick, dead, zxidBump)));
        tui.sync();
    }

    private void highlightsOver() throws Exception {
        clock.now.set(clock.now.get().plusSeconds(4));
        tui.loop().invokeAndWait(dashboard::endHighlights);
        tui.sync();
    }

    @AfterEach
    void stop() throws Exception {
        if (tui != null) {
            tui.close();
        }
    }

    @Test
    void healthyClusterShowsQuorumBrokersSparklinesAndCertificates() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(120, 36), "dark");
        for (int t = 0; t < 5; t++) {
            deliver(t, Set.of(), 0);
        }
        String text = screen.text();
        assertTrue(text.contains("ZooKeeper 3/3 quorum"), text);
        assertTrue(text.contains("Kafka 3/3 brokers"), text);
        String zk2 = screen.rowContaining("zk2");
        assertTrue(zk2.contains("leader") && zk2.contains("0x100000002") && zk2.contains("0/0.5/12") && zk2.contains("2/2"), zk2);
        String b1 = screen.rowContaining(" kafka1 ");
        assertTrue(b1.contains("Running") && b1.contains("yes") && b1.contains("83%") && b1.contains("5.2 ms"), b1);
        assertTrue(b1.contains("63% 1.0G"), b1);
        assertTrue(screen.contains("lead/repl"), text);
        assertTrue(b1.contains(" 2/6 "), "broker 1 leads 2 of the 6 partitions it replicates:\n" + b1);
        assertTrue(text.contains("msgs in") && text.contains("bytes out"));
        assertTrue(screen.rowContaining("│1 kafka1").matches(".*[▁▂▃▄▅▆▇█]{3,}.*"), "sparkline for broker 1");
        assertTrue(text.contains("certificate of kafka3 expires in 12 days"), text);
        assertTrue(text.contains("kafka1  expires in 364 days"));
        assertEquals(TextColor.ANSI.GREEN, screen.fg("Running"));
        assertTrue(text.contains("as of 10:00:08") || text.contains("as of"), "snapshot time shown");
    }

    @Test
    void beforeTheSslMigrationCertificatesSayThereIsNoSslListenerYetNotConnectionRefused() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(120, 36), "dark");
        tui.loop().invokeAndWait(() -> dashboard.accept(Snapshots.plaintextOnly(0)));
        tui.sync();

        String text = screen.text();
        
        assertTrue(text.contains("kafka1  no SSL listener yet (PLAINTEXT only)"), text);
        assertFalse(text.contains("connection refused"), text);
        assertTrue(text.contains("nothing wrong"), "no alert for it:\n" + text);
    }

    @Test
    void aKilledBrokerShowsDownInTheHealthColourWithItsPartitionsNamed() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(120, 36), "dark");
        deliver(0, Set.of(), 0);
        deliver(1, Set.of(2), 0);
        String row = screen.rowContaining(" kafka2 ");
        assertTrue(row.contains("down"), row);
        assertEquals(TextColor.ANSI.YELLOW, screen.bgInRow(" kafka2 ", "down"), "just changed: highlighted");
        highlightsOver();
        assertEquals(TextColor.ANSI.RED_BRIGHT, screen.fgInRow(" kafka2 ", "down"), screen.text());
        String text = screen.text();
        assertTrue(text.contains("Kafka 2/3 brokers"), text);
        assertTrue(text.contains("✖") || text.contains("▲"), "alert symbols");
        assertTrue(text.contains("orders-"), "under-replicated partitions named:\n" + text);
        assertTrue(text.contains("kafka service inactive on kafka2"), text);
        assertTrue(screen.rowContaining("│2 kafka2").contains("no JMX"), "old rates are not shown as current");
        assertTrue(screen.rowContaining(" kafka2 ").contains(" 0/6 "), "the dead broker leads nothing:\n" + text);
        assertTrue(screen.rowContaining(" kafka3 ").contains(" 4/6 "), "its leaderships moved:\n" + text);
    }

    @Test
    void colourBlindThemeShowsHealthInBlueAndOrangeNotGreenAndRed() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(120, 36), "colorblind");
        deliver(0, Set.of(), 0);
        deliver(1, Set.of(2), 0);
        highlightsOver();
        assertEquals(new TextColor.Indexed(33), screen.fg("Running"));
        TextColor down = screen.fgInRow(" kafka2 ", "down");
        assertEquals(new TextColor.Indexed(202), down);
    }

    @Test
    void changedValuesAreHighlightedBrieflyThenReturnToNormal() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(120, 36), "dark");
        deliver(0, Set.of(), 0);
        deliver(1, Set.of(), 0x10);
        TextColor changedBg = screen.bgInRow("zk3", "0x100000012");
        assertEquals(TextColor.ANSI.YELLOW, changedBg, "a changed zxid is highlighted");
        assertEquals(TextColor.ANSI.BLACK, screen.bgInRow("zk3", "follower"), "unchanged cells are not");
        highlightsOver();
        assertNotEquals(TextColor.ANSI.YELLOW, screen.bgInRow("zk3", "0x100000012"));
    }

    @Test
    void enterOnABrokerOpensItsDetailAndEscComesBack() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(120, 36), "dark");
        deliver(0, Set.of(), 0);
        deliver(1, Set.of(), 0);
        tui.press("Tab", "j", "Enter");
        tui.sync();
        String text = screen.text();
        assertTrue(text.contains("Dashboard › kafka2"), text);
        assertTrue(text.contains("listener SSL://kafka2:9093"), text);
        assertTrue(text.contains("/var/lib/kafka/data"), text);
        assertTrue(text.contains("BrokerState 3 (Running)"), text);
        assertTrue(text.contains("RequestHandlerAvgIdlePercent 83%"), text);
        assertTrue(text.contains("kafka: active, pid 1002"), text);
        tui.press("Esc");
        tui.sync();
        assertTrue(screen.text().contains("ZooKeeper 3/3 quorum"));
        assertFalse(screen.text().contains("Dashboard › kafka2"));
    }

    @Test
    void slashFiltersTheBrokerTable() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(120, 36), "dark");
        deliver(0, Set.of(), 0);
        tui.press("Tab", "/").type("kafka3").press("Enter");
        tui.sync();
        assertTrue(screen.contains("/kafka3"));
        assertTrue(screen.rowContaining("  3 kafka3") != null);
        assertEquals(null, screen.rowContaining("  1 kafka1"), screen.text());
        tui.press("Esc");
        tui.sync();
        assertTrue(screen.rowContaining("  1 kafka1") != null);
    }

    @Test
    void noColorShowsTheKilledBrokerInTheTerminalsOwnColoursWithWordsAndEmphasisOnly() throws Exception {
        dashboard = new DashboardView(null, "test", clock, Duration.ofSeconds(3));
        DefaultVirtualTerminal vt = ScreenReader.terminal(120, 36);
        tui = Tui.start(vt, new Tui.Config(ThemeChoice.choose(null, "light", java.util.Map.of("NO_COLOR", "1", "TERM", "xterm-256color")),
                false, "prod-eu", s -> s.show(dashboard)), false);
        ScreenReader screen = new ScreenReader(vt);
        deliver(0, Set.of(), 0);
        deliver(1, Set.of(2), 0);
        highlightsOver();
        assertTrue(screen.allColors().stream().allMatch(c -> c == TextColor.ANSI.DEFAULT), "only default colours under NO_COLOR");
        assertTrue(screen.rowContaining(" kafka2 ").contains("down"));
        assertTrue(screen.cellInRow(" kafka2 ", "down").getModifiers().contains(com.googlecode.lanterna.SGR.REVERSE),
                "a down broker stands out without colour");
        assertTrue(screen.text().contains("✖ CRITICAL") || screen.text().contains("▲ DEGRADED"), "the verdict in words");
    }

    @Test
    void helpOnTheDashboardListsItsKeys() throws Exception {
        dashboard = new DashboardView(new ScheduledSnapshotFeed(() -> Snapshots.healthy(0), Duration.ofHours(1)), null, clock,
                Duration.ofSeconds(3));
        DefaultVirtualTerminal vt = ScreenReader.terminal(100, 40);
        tui = Tui.start(vt, new Tui.Config(ThemeChoice.load("dark", ColorSupport.ANSI), false, "prod-eu", s -> s.show(dashboard)), false);
        ScreenReader screen = new ScreenReader(vt);
        tui.press("Tab", "?");
        tui.sync();
        String text = screen.text();
        for (String key : new String[] {"pause", "refresh less often", "refresh more often", "refresh now", "filter rows",
                "broker detail", "Everywhere"}) {
            assertTrue(text.contains(key), key + " missing from help:\n" + text);
        }
    }

    @Test
    void plusAndMinusChangeTheRefreshIntervalAndPPausesIt() throws Exception {
        ScheduledSnapshotFeed feed = new ScheduledSnapshotFeed(() -> Snapshots.healthy(0), Duration.ofSeconds(2));
        dashboard = new DashboardView(feed, null, clock, Duration.ofSeconds(3));
        DefaultVirtualTerminal vt = ScreenReader.terminal(100, 30);
        tui = Tui.start(vt, new Tui.Config(ThemeChoice.load("dark", ColorSupport.ANSI), false, "prod-eu", s -> s.show(dashboard)), false);
        ScreenReader screen = new ScreenReader(vt);
        tui.sync();
        assertTrue(screen.rows().get(1).contains("every 2s"), screen.rows().get(1));
        tui.press("+", "+");
        tui.sync();
        assertEquals(Duration.ofSeconds(10), feed.interval());
        assertTrue(screen.rows().get(1).contains("every 10s"), screen.rows().get(1));
        tui.press("-", "-", "-", "-");                   // stops at the shortest
        tui.sync();
        assertEquals(Duration.ofSeconds(1), feed.interval());
        assertTrue(screen.contains("refresh every 1s"), "the footer says what changed:\n" + screen.text());
        tui.press("p");
        tui.sync();
        assertTrue(feed.paused());
        assertTrue(screen.rows().get(1).contains("PAUSED"), screen.rows().get(1));
        assertEquals(TextColor.ANSI.YELLOW, screen.fg("PAUSED"));
        tui.press("p");
        tui.sync();
        assertFalse(feed.paused());
        assertTrue(screen.rows().get(1).contains("every 1s"), screen.rows().get(1));
    }

    @Test
    void withoutASnapshotSourceTheDashboardSaysWhyInsteadOfShowingData() throws Exception {
        ScreenReader screen = start(ScreenReader.terminal(100, 30), "dark");
        assertTrue(screen.contains("no live data: test"), screen.text());
    }
}
