package dev.kroll.tui.wizard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.kroll.cli.TuiSession;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.sandbox.KafkaDistribution;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import dev.kroll.tui.ScreenReader;
import dev.kroll.tui.Tui;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The wizard of {@code kroll tui}, wired as the command wires it ({@link TuiSession}: the SSH backend, the
 * probe), on a 3-host sandbox with nothing installed, driven by key presses on Lanterna's virtual terminal
 * through every step to an SSL-only cluster and the dashboard. The CA passphrase is typed into the
 * wizard's own modal. Afterwards the cluster is checked from outside kroll: PLAINTEXT closed, ssl-only
 * configuration on every broker.
 */
@KrollSandbox(hosts = 3, cluster = false)
class WizardOnSandboxIT {

    private static final String PASSPHRASE = "a long sandbox CA passphrase";

    private Tui tui;
    private TuiSession session;
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (tui != null) {
            tui.close();
        }
        if (session != null) {
            session.close();
        }
    }

    private void waitUntil(ScreenReader screen, Predicate<ScreenReader> ok, String what) throws Exception {
        tui.sync(); // keys pressed so far are handled and painted before the first look
        for (int i = 0; i < 6000 && !ok.test(screen); i++) {
            tui.sync();
            seen.add(screen.text()); // every frame, to look for what only shows while a step runs
            Thread.sleep(50);
        }
        assertTrue(ok.test(screen), what + " never appeared:\n" + screen.text());
    }

    private void waitFor(ScreenReader screen, String text) throws Exception {
        waitUntil(screen, s -> s.contains(text), "'" + text + "'");
    }

    private boolean everSeen(String text) {
        return seen.stream().anyMatch(f -> f.contains(text));
    }

    /** Runs the step shown (it asks first), then waits for it to end well. */
    private void runConfirmed(ScreenReader screen, String step) throws Exception {
        waitFor(screen, "┌ " + step + " ");
        waitFor(screen, "What will happen");
        tui.press("Enter");
        waitFor(screen, "Run " + step.substring(2) + "?");
        assertTrue(screen.contains("no (default)"), "the safe answer is the default");
        tui.press("y");
    }

    private void waitForEnd(ScreenReader screen, String step) throws Exception {
        waitUntil(screen, s -> s.contains("✔ " + step) || s.contains("✖ " + step), step + " to end");
        assertTrue(screen.contains("✔ " + step), step + " failed:\n" + screen.text());
    }

    @Test
    void emptyHostsBecomeAnSslOnlyClusterThroughEveryWizardStep(SandboxCluster cluster) throws Exception {
        System.clearProperty("kroll.ca.password.file");
        session = TuiSession.open(cluster.inventoryFile(), "dark", false, ClusterProbe.JmxAccess.DIRECT,
                KafkaDistribution.locate().tarball(), Clock.systemDefaultZone());
        DefaultVirtualTerminal vt = ScreenReader.terminal(120, 40);
        tui = Tui.start(vt, session.config(), false);
        ScreenReader screen = new ScreenReader(vt);

        // 1 Inventory: the hosts and their roles
        waitFor(screen, "✔ 1 Inventory");
        for (Host h : cluster.hosts(Role.KAFKA)) {
            assertTrue(screen.contains(h.name()), screen.text());
        }

        // 2 Facts & preflight: the sandbox's accepted nofile finding is shown as accepted, not as passing
        tui.press("j");
        waitFor(screen, "would check every host (3)");
        tui.press("Enter");
        waitUntil(screen, s -> s.contains("▲ 2 Facts & preflight") || s.contains("✖ 2 Facts"), "preflight to end");
        assertTrue(screen.contains("done, 3 accepted"), "done, but not passing:\n" + screen.text());
        tui.press("k");
        waitFor(screen, "┌ 2 Facts & preflight ");
        assertTrue(screen.contains("▲ Accepted, not passing (3)"), screen.text());
        assertTrue(screen.contains(": accepted [nofile] error:"), screen.text());
        tui.press("j");

        // 3 Plan: the plan table with the reason of every heap
        waitFor(screen, "Heap sizes and why");
        assertTrue(screen.contains("zookeeper heap"), screen.text());
        for (Host h : cluster.hosts(Role.KAFKA)) {
            String why = screen.rowContaining("  " + h.name() + " kafka ");
            assertTrue(why != null && why.contains(": "), "the reason for " + h.name() + "'s heap:\n" + screen.text());
        }
        tui.press("Enter");
        waitForEnd(screen, "3 Plan");
        assertTrue(Files.exists(cluster.inventoryFile().resolveSibling(".kroll/ids.yaml")), "the plan recorded the IDs");

        // 4 Certificates: what will be issued, confirmed, then the passphrase of the new CA typed twice
        runConfirmed(screen, "4 Certificates");
        waitFor(screen, "New CA passphrase:");
        tui.type(PASSPHRASE).press("Enter");
        waitFor(screen, "Repeat the CA passphrase:");
        assertFalse(screen.text().contains(PASSPHRASE), "the passphrase is never shown");
        tui.type(PASSPHRASE).press("Enter");
        waitForEnd(screen, "4 Certificates");

        // 5 Distribution, 6 Cluster bring-up, 7 SSL migration: each asks, then shows per-host progress
        runConfirmed(screen, "5 Distribution");
        waitForEnd(screen, "5 Distribution");
        runConfirmed(screen, "6 Cluster bring-up");
        waitForEnd(screen, "6 Cluster bring-up");
        runConfirmed(screen, "7 SSL migration");
        waitForEnd(screen, "7 SSL migration");
        assertTrue(everSeen("▶ 7 SSL migration"), "the step showed as running");
        assertTrue(everSeen("Progress"), "a progress bar while it ran");
        assertTrue(everSeen("passed"), "the health gates' verdicts in the event log");
        waitFor(screen, "┌ 8 Dashboard ");                  // moved on by itself
        tui.press("k");
        waitFor(screen, "┌ 7 SSL migration ");
        for (Host h : cluster.hosts(Role.KAFKA)) {
            String row = screen.rowContaining("✔ " + h.name() + " ");
            assertTrue(row != null && row.contains("verify-ssl: TLS handshake verified"), "every broker done and verified:\n" + screen.text());
        }
        assertTrue(screen.contains("What it was to do (the preview before it ran)"), screen.text());
        tui.press("j");

        // 8 Dashboard: the SSL-only cluster, read with kroll's own client certificate
        waitFor(screen, "┌ 8 Dashboard ");
        tui.press("Enter");
        waitUntil(screen, s -> s.contains("Kafka 3/3 brokers") && s.text().split("Running", -1).length == 4,
                "the dashboard with 3 running brokers");
        waitFor(screen, "expires in");

        for (Host h : cluster.hosts(Role.KAFKA)) {
            assertFalse(accepts(h.address(), h.ports().kafkaPlaintext()), h.name() + " still listens on PLAINTEXT");
            Path sp = cluster.sandbox().layout().home(h.name()).resolve("etc/kafka/server.properties");
            assertTrue(Files.readString(sp).contains("listener phase ssl-only"), Files.readString(sp));
        }
    }

    private static boolean accepts(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
