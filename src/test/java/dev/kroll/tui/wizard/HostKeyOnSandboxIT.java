package dev.kroll.tui.wizard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.kroll.inventory.Host;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.EngineSettings;
import dev.kroll.rollout.port.BackendProvider;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import dev.kroll.tui.ScreenReader;
import dev.kroll.tui.Tui;
import dev.kroll.tui.theme.ColorSupport;
import dev.kroll.tui.theme.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wizard's SSH host-key question against a real sandbox host (MINA SSHD on loopback) whose key kroll's
 * known_hosts does not list: the fingerprint is shown, typing yes connects and records the key, anything
 * else refuses and records nothing; a changed key is refused without a question, with both fingerprints.
 */
@KrollSandbox(hosts = 1, cluster = false)
class HostKeyOnSandboxIT {

    private Tui tui;
    private String original;

    @BeforeEach
    void forgetTheHostKey(SandboxCluster cluster) throws Exception {
        Path known = knownHosts(cluster);
        original = original == null ? Files.readString(known) : original;
        Files.writeString(known, "# kroll has never seen this host\n");
    }

    @AfterEach
    void stop(SandboxCluster cluster) throws Exception {
        if (tui != null) {
            tui.close();
        }
        Files.writeString(knownHosts(cluster), original);
    }

    private static Path knownHosts(SandboxCluster cluster) {
        return cluster.sandbox().layout().knownHosts();
    }

    private ScreenReader start(SandboxCluster cluster) throws Exception {
        EngineWizardBackend backend = new EngineWizardBackend(cluster.inventoryFile(), (inv, hostKeys) -> {
            BackendProvider.OpenBackend b = Backends.open(inv, hostKeys);
            return new EngineWizardBackend.OpenEngine(new Rollout(inv, b.backend(), EngineSettings.DEFAULT, Clock.systemUTC()), b);
        }, "no engine", Map.of(), Clock.systemUTC());
        DefaultVirtualTerminal vt = ScreenReader.terminal(120, 40);
        tui = Tui.start(vt, new Tui.Config(Themes.load("dark", null, ColorSupport.ANSI), false, cluster.inventory().cluster(),
                s -> s.show(new WizardView(backend, Clock.systemUTC()))), false);
        ScreenReader screen = new ScreenReader(vt);
        waitUntil(screen, s -> s.contains("✔ 1 Inventory"), "the inventory step done");
        return screen;
    }

    private void waitUntil(ScreenReader screen, Predicate<ScreenReader> ok, String what) throws Exception {
        tui.sync(); // keys pressed so far are handled and painted before the first look
        for (int i = 0; i < 1200 && !ok.test(screen); i++) {
            tui.sync();
            Thread.sleep(50);
        }
        assertTrue(ok.test(screen), what + " never appeared:\n" + screen.text());
    }

    /** Runs Facts & preflight, which reads every host over SSH. */
    private void runFacts(ScreenReader screen) throws Exception {
        tui.press("j");
        waitUntil(screen, s -> s.contains("would check every host"), "the preview");
        tui.press("Enter");
    }

    private void askForFacts(ScreenReader screen) throws Exception {
        runFacts(screen);
        waitUntil(screen, s -> s.contains("Unknown SSH host key") && s.contains("Type yes"), "the host key question");
    }

    private void waitForTheEnd(ScreenReader screen) throws Exception {
        waitUntil(screen, s -> s.contains("✔ 2 Facts") || s.contains("▲ 2 Facts") || s.contains("✖ 2 Facts"), "the end of the step");
    }

    @Test
    void yesConnectsAndRecordsTheKeyInKnownHosts(SandboxCluster cluster) throws Exception {
        Host host = cluster.host(0);
        String fingerprint = fingerprintOf(cluster);
        ScreenReader screen = start(cluster);
        askForFacts(screen);
        assertTrue(screen.contains(fingerprint), "the fingerprint is shown:\n" + screen.text());
        assertTrue(screen.contains(host.name() + " (" + host.address() + ":" + host.ssh().port() + ")"), screen.text());
        tui.type("yes").press("Enter");
        waitForTheEnd(screen);
        assertFalse(screen.contains("Unknown SSH host key"));
        assertFalse(screen.text().contains("host key"), "connected:\n" + screen.text());
        String recorded = Files.readString(knownHosts(cluster));
        assertTrue(recorded.contains("[" + host.address() + "]:" + host.ssh().port()), "the key is recorded:\n" + recorded);
    }

    @Test
    void anythingButYesRefusesTheHostAndRecordsNothing(SandboxCluster cluster) throws Exception {
        ScreenReader screen = start(cluster);
        askForFacts(screen);
        tui.type("y").press("Enter");              // a single y is not a yes
        waitForTheEnd(screen);
        assertTrue(screen.text().contains("unknown host key for " + cluster.host(0).name()), screen.text());
        assertTrue(screen.contains("✖ 2 Facts"), screen.text());
        assertFalse(Files.readString(knownHosts(cluster)).contains(cluster.host(0).address()), "nothing recorded");
    }

    @Test
    void aChangedKeyIsRefusedWithoutAQuestionShowingBothFingerprints(SandboxCluster cluster) throws Exception {
        Host host = cluster.host(0);
        String realFingerprint = fingerprintOf(cluster);
        // another key (the sandbox's client key) recorded for the host: what a man in the middle looks like
        String[] other = Files.readString(cluster.sandbox().layout().clientPublicKey()).trim().split("\\s+");
        Files.writeString(knownHosts(cluster), "[" + host.address() + "]:" + host.ssh().port() + " " + other[0] + " " + other[1] + "\n");
        String recordedFingerprint = fingerprint(other[1]);
        ScreenReader screen = start(cluster);
        runFacts(screen);
        waitForTheEnd(screen);
        assertTrue(screen.text().contains("HOST KEY CHANGED"), screen.text());
        assertFalse(screen.contains("Unknown SSH host key"), "a changed key is never asked about");
        assertTrue(screen.contains(realFingerprint), "the presented key's fingerprint:\n" + screen.text());
        assertTrue(screen.contains(recordedFingerprint), "the recorded key's fingerprint:\n" + screen.text());
        assertTrue(Files.readString(knownHosts(cluster)).lines().count() == 1, "known_hosts is left alone");
    }

    private static String fingerprintOf(SandboxCluster cluster) {
        List<String> f = List.of(cluster.sandboxHost(cluster.host(0)).knownHostsLine().split("\\s+"));
        return fingerprint(f.get(2));
    }

    private static String fingerprint(String base64Blob) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(java.util.Base64.getDecoder().decode(base64Blob));
            return "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
