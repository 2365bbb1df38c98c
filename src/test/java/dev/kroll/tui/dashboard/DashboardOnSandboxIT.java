package dev.kroll.tui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import dev.kroll.tui.ScreenReader;
import dev.kroll.tui.Tui;
import dev.kroll.tui.theme.ColorSupport;
import dev.kroll.tui.theme.Themes;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard on the probe's live snapshots of a real 3-host sandbox (ZooKeeper and Kafka processes). */
@KrollSandbox(hosts = 3)
class DashboardOnSandboxIT {

    private Tui tui;
    private ClusterProbe probe;

    @AfterEach
    void stop(SandboxCluster cluster) throws Exception {
        if (tui != null) {
            tui.close();
        }
        if (probe != null) {
            probe.close();
        }
        cluster.heal();
    }

    private void waitUntil(ScreenReader screen, Predicate<ScreenReader> ok, String what) throws Exception {
        tui.sync(); // keys pressed so far are handled and painted before the first look
        for (int i = 0; i < 600 && !ok.test(screen); i++) {
            tui.sync();
            Thread.sleep(100);
        }
        assertTrue(ok.test(screen), what + " never appeared:\n" + screen.text());
    }

    @Test
    void aKilledBrokerShowsDownWithTheReasonOnTheLiveDashboard(SandboxCluster cluster) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            admin.createTopics(java.util.List.of(new org.apache.kafka.clients.admin.NewTopic("orders", 6, (short) 3)))
                    .all().get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        probe = new ClusterProbe(cluster.inventory(), ClusterProbe.Options.defaults().withJmx(ClusterProbe.JmxAccess.DIRECT, true),
                null, null, Clock.systemUTC());
        DashboardView dashboard = new DashboardView(new ScheduledSnapshotFeed(probe::refresh, Duration.ofSeconds(1)), null,
                Clock.systemUTC(), Duration.ofMillis(500));
        DefaultVirtualTerminal vt = ScreenReader.terminal(110, 36);
        tui = Tui.start(vt, new Tui.Config(Themes.load("dark", null, ColorSupport.ANSI), false, cluster.inventory().cluster(),
                s -> s.show(dashboard)), false);
        ScreenReader screen = new ScreenReader(vt);
        waitUntil(screen, s -> s.contains("Kafka 3/3 brokers") && s.contains("ZooKeeper 3/3 quorum")
                && s.text().split("Running", -1).length == 4, "a healthy cluster with 3 running brokers");
        waitUntil(screen, s -> s.text().split(" 2/6 ", -1).length == 4, "each broker leading 2 of the 6 partitions it replicates");
        assertTrue(screen.contains("leader"));

        Host victim = cluster.host(2);
        cluster.kill(victim, Role.KAFKA);

        String row = "  " + cluster.brokerId(victim) + " " + victim.name();
        waitUntil(screen, s -> s.rowContaining(row) != null && s.rowContaining(row).contains("down")
                && s.contains("Kafka 2/3 brokers"), "the killed broker shown down");
        assertTrue(screen.text().contains("down: not"), "the alert says why:\n" + screen.text());
        waitUntil(screen, s -> TextColor.ANSI.RED_BRIGHT.equals(s.fgInRow(row, "down")), "the health colour (after the change highlight)");
        assertEquals(TextColor.ANSI.RED_BRIGHT, screen.fgInRow(row, "down"));
        waitUntil(screen, s -> s.rowContaining(row).contains(" 0/6 "), "the dead broker leading none of its 6 partitions");
        // README's capture of the dashboard comes from here (not drawn by hand)
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "dashboard-capture.txt"),
                screen.text().lines().map(String::stripTrailing).collect(java.util.stream.Collectors.joining("\n")) + "\n");
    }
}
