package dev.kroll.tui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.kroll.tui.ScreenReader;
import dev.kroll.tui.Tui;
import dev.kroll.tui.theme.ColorSupport;
import dev.kroll.tui.theme.Themes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WizardViewTest {

    private static final Instant T = Instant.parse("2025-05-01T10:00:00Z");
    private final ScriptedBackend backend = new ScriptedBackend();
    private Tui tui;
    private WizardView wizard;

    private ScreenReader start(boolean readonly) throws Exception {
        DefaultVirtualTerminal vt = ScreenReader.terminal(110, 34);
        wizard = new WizardView(backend, Clock.fixed(T, ZoneOffset.UTC));
        tui = Tui.start(vt, new Tui.Config(Themes.load("dark", null, ColorSupport.ANSI), readonly, "prod-eu",
                s -> s.show(wizard)), false);
        settle();
        return new ScreenReader(vt);
    }

    /** Lets the wizard's worker finish its previews and the UI paint them. */
    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            tui.sync();
            CompletableFuture<Void> f = new CompletableFuture<>();
            // the worker is single-threaded: once this runs, earlier previews have been handed to the UI
            tui.loop().invokeLater(() -> f.complete(null));
            f.get(10, TimeUnit.SECONDS);
            Thread.onSpinWait();
        }
        tui.sync();
    }

    @AfterEach
    void stop() throws Exception {
        askers.shutdownNow();
        if (tui != null) {
            tui.close();
        }
    }

    private void waitFor(ScreenReader screen, String text) throws Exception {
        for (int i = 0; i < 200 && !screen.contains(text); i++) {
            tui.sync();
            Thread.sleep(20);
        }
        assertTrue(screen.contains(text), "'" + text + "' never appeared:\n" + screen.text());
    }

    @Test
    void walkThroughEveryStepWithConfirmationGateReasonAndProgress() throws Exception {
        ScreenReader screen = start(false);
        waitFor(screen, "cluster.yaml: 3 hosts");
        assertTrue(screen.contains("✔ 1 Inventory"), screen.text());
        for (String step : new String[] {"2 Facts & preflight", "3 Plan", "4 Certificates", "5 Distribution", "6 Cluster bring-up",
                "7 SSL migration", "8 Dashboard"}) {
            assertTrue(screen.contains(step), step);
        }

        tui.press("j");
        waitFor(screen, "preview of Facts & preflight");
        tui.press("Enter");                       // preflight changes nothing: no question
        ScriptedBackend.Started preflight = backend.next();
        assertEquals(Stage.PREFLIGHT, preflight.stage());
        ScriptedBackend.completeAll(preflight, "read facts");
        waitFor(screen, "✔ 2 Facts & preflight");
        waitFor(screen, "25% of 4 GiB RAM, page cache gets the rest"); // moved on to the plan, with heap reasons
        assertTrue(screen.contains("+broker.id=1"), "the plan shows its diffs");

        tui.press("Enter");
        ScriptedBackend.completeAll(backend.next(), "render");
        waitFor(screen, "✔ 3 Plan");

        waitFor(screen, "preview of Certificates");
        tui.press("Enter");                       // certificates write secrets: asks first
        waitFor(screen, "Run Certificates?");
        assertTrue(screen.contains("kafka1, kafka2, kafka3"));
        tui.press("n");
        tui.sync();
        assertTrue(backend.started.isEmpty(), "n must not start it");
        tui.press("Enter", "y");
        ScriptedBackend.completeAll(backend.next(), "issue keystore");
        waitFor(screen, "✔ 4 Certificates");

        waitFor(screen, "preview of Distribution");
        tui.press("Enter", "y");
        ScriptedBackend.completeAll(backend.next(), "upload");
        waitFor(screen, "✔ 5 Distribution");
        waitFor(screen, "preview of Cluster bring-up");
        tui.press("Enter", "y");
        ScriptedBackend.completeAll(backend.next(), "start");
        waitFor(screen, "✔ 6 Cluster bring-up");
        waitFor(screen, "preview of SSL migration");
        tui.press("Enter");
        waitFor(screen, "Starts or restarts services on 3 hosts");
        tui.press("y");
        ScriptedBackend.Started ssl = backend.next();
        ssl.send(new WizardEvent.StepStarted(T, Stage.SSL_MIGRATION, "roll 1 of 3: add the SSL listener"));
        ssl.send(new WizardEvent.HostDone(T, "kafka1", "restart", true, "SSL listener added"));
        ssl.send(new WizardEvent.GateWaiting(T, "kafka2", "before stop",
                "4 under-replicated partitions on topic orders, broker 2 not yet in ISR"));
        waitFor(screen, "◐ waiting: 4 under-replicated partitions on topic orders, broker 2 not yet in ISR");
        assertTrue(screen.contains("◐ 7 SSL migration"));
        assertTrue(screen.rowContaining("✔ kafka1").contains("█"), "kafka1's bar is full");
        assertEquals(TextColor.ANSI.YELLOW, screen.fg("◐ waiting: 4 under-replicated"));
        assertTrue(screen.text().contains("waiting (before stop)"), "the event log has the gate");
        assertTrue(screen.rows().get(0).contains("SSL migration 1/3 (waiting)"), screen.rows().get(0));

        ssl.send(new WizardEvent.GatePassed(T, "kafka2", "before stop"));
        ssl.send(new WizardEvent.HostDone(T, "kafka2", "restart", true, null));
        ssl.send(new WizardEvent.HostDone(T, "kafka3", "restart", true, null));
        ssl.send(new WizardEvent.Finished(T, true, false, "SSL migration finished: PLAINTEXT closed"));
        waitFor(screen, "✔ 7 SSL migration");
        waitFor(screen, "opens the live dashboard");
    }

    @Test
    void preflightFindingsTheInventoryAcceptsShowAsAcceptedNotAsPassing() throws Exception {
        ScreenReader screen = start(false);
        tui.press("j");
        waitFor(screen, "preview of Facts & preflight");
        tui.press("Enter");
        ScriptedBackend.Started preflight = backend.next();
        for (String h : ScriptedBackend.HOSTS) {
            preflight.send(new WizardEvent.HostProgress(T, h, "accepted [nofile] error: open-file limit of 1024 — raise it;"
                    + " accepted because: a lab machine"));
            preflight.send(new WizardEvent.HostDone(T, h, "preflight", false, "fit, accepted: nofile (a lab machine)"));
        }
        preflight.send(new WizardEvent.Finished(T, true, false, "preflight finished"));
        waitFor(screen, "▲ 2 Facts & preflight");
        assertTrue(screen.contains("done, 3 accepted"), screen.text());
        assertEquals(TextColor.ANSI.YELLOW, screen.fg("done, 3 accepted"));
        tui.press("k");
        waitFor(screen, "▲ Accepted, not passing (3)");
        assertTrue(screen.contains("kafka2: accepted [nofile] error: open-file limit of 1024"), screen.text());
        assertTrue(screen.rowContaining("▲ kafka1").contains("preflight: fit, accepted: nofile (a lab machine)"), screen.text());
        assertFalse(screen.contains("✔ kafka1"), "an accepted host is not shown as passing");
    }

    @Test
    void quittingWhileAStepRunsAsksFirst() throws Exception {
        ScreenReader screen = start(false);
        waitFor(screen, "cluster.yaml: 3 hosts");
        tui.press("j");
        waitFor(screen, "preview of Facts & preflight");
        tui.press("Enter");
        backend.next();
        tui.press("q");
        waitFor(screen, "Quit while a run is in progress?");
        assertFalse(tui.shell().quitRequested());
        tui.press("Esc");
        tui.sync();
        assertFalse(tui.shell().quitRequested());
    }

    @Test
    void readonlyShowsWhatAStepWouldDoButNeverRunsIt() throws Exception {
        ScreenReader screen = start(true);
        waitFor(screen, "cluster.yaml: 3 hosts");
        tui.press("j", "j", "j");
        waitFor(screen, "preview of Certificates");
        waitFor(screen, "read-only session: this step can be previewed, not run");
        assertFalse(screen.rows().get(33).contains("run Certificates"), screen.rows().get(33));
        tui.press("Enter");
        tui.press(":").type("run certificates").press("Enter");
        tui.sync();
        assertFalse(screen.contains("Run Certificates?"));
        assertTrue(backend.started.isEmpty());
        assertTrue(screen.rows().get(33).contains(":run changes hosts and kroll was started with --readonly"),
                screen.rows().get(33));
    }

    @Test
    void anUnknownHostKeyIsShownWithItsFingerprintAndNeedsAnExplicitYes() throws Exception {
        ScreenReader screen = start(false);
        HostKeyPrompt prompt = new HostKeyPrompt(tui.shell());
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> ask(prompt), askers);
        waitFor(screen, "SHA256:abcDEF123");
        assertTrue(screen.contains("kafka2 (10.0.0.12:22)"));
        tui.press("y", "Enter");                  // a single y is not a yes
        assertFalse(first.get(10, TimeUnit.SECONDS));
        tui.sync();
        assertFalse(screen.contains("SHA256:abcDEF123"), "the question is gone once answered");
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> ask(prompt), askers);
        waitFor(screen, "SHA256:abcDEF123");
        tui.type("yes").press("Enter");
        assertTrue(second.get(10, TimeUnit.SECONDS));
    }

    @Test
    void theCaPassphraseIsAskedInAModalThatNeverShowsIt() throws Exception {
        ScreenReader screen = start(false);
        SecretPrompt prompt = new SecretPrompt(tui.shell());
        CompletableFuture<char[]> typed = CompletableFuture.supplyAsync(() -> {
            try {
                return prompt.ask("New CA passphrase: ");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, askers);
        waitFor(screen, "New CA passphrase:");
        assertTrue(screen.contains("at least 12 characters"), screen.text());
        tui.type("sesame-street-42x").press("Backspace").press("Enter");
        assertEquals("sesame-street-42", new String(typed.get(10, TimeUnit.SECONDS)));
        tui.sync();
        assertFalse(screen.text().contains("sesame"), "never on screen");
        CompletableFuture<char[]> declined = CompletableFuture.supplyAsync(() -> {
            try {
                return prompt.ask("CA passphrase: ");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, askers);
        waitFor(screen, "CA passphrase:");
        tui.type("abc");
        tui.sync();
        assertTrue(screen.contains("•••_"), screen.text());
        tui.press("Esc");
        assertEquals(null, declined.get(10, TimeUnit.SECONDS), "esc declines");
    }

    /** Stands in for SSH connection threads, which wait for the operator's answer. */
    private final java.util.concurrent.ExecutorService askers = java.util.concurrent.Executors.newCachedThreadPool();

    private static boolean ask(HostKeyPrompt p) {
        try {
            return p.trust("kafka2", "10.0.0.12", 22, "ssh-ed25519", "SHA256:abcDEF123");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anInterruptedRunIsOfferedForResume() throws Exception {
        backend.interrupted = new WizardBackend.InterruptedRun("run-7", "ssl-migration", Stage.SSL_MIGRATION,
                "roll 2 of 3, brokers 1 and 2 done", null);
        ScreenReader screen = start(false);
        waitFor(screen, "Resume the interrupted run?");
        assertTrue(screen.contains("roll 2 of 3, brokers 1 and 2 done"));
        tui.press("y");
        ScriptedBackend.Started s = backend.next();
        assertTrue(backend.resumed);
        assertEquals(Stage.SSL_MIGRATION, s.stage());
        waitFor(screen, "▶ 7 SSL migration");
    }
}
