package dev.kroll.tui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.kroll.cli.Main;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.local.LocalCluster;
import dev.kroll.rollout.local.LocalRollout;
import dev.kroll.tui.ScreenReader;
import dev.kroll.tui.Tui;
import dev.kroll.tui.theme.ColorSupport;
import dev.kroll.tui.theme.Themes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The wizard on the real engine over the rollout package's simulated hosts, on a virtual terminal (tests). */
record LocalWizard(Tui tui, ScreenReader screen) {

    static LocalWizard start(LocalCluster cluster, Map<String, String> params) throws Exception {
        EngineWizardBackend backend = new EngineWizardBackend(cluster.inventory().file(),
                (inv, hostKeys) -> new EngineWizardBackend.OpenEngine(new Rollout(inv, cluster.backend(), LocalRollout.FAST, Clock.systemUTC()), null),
                "no engine", params, Clock.systemUTC());
        DefaultVirtualTerminal vt = ScreenReader.terminal(120, 40);
        Tui tui = Tui.start(vt, new Tui.Config(Themes.load("dark", null, ColorSupport.ANSI), false, "local",
                s -> s.show(new WizardView(backend, Clock.systemUTC()))), false);
        return new LocalWizard(tui, new ScreenReader(vt));
    }

    void waitFor(String text) throws Exception {
        tui.sync(); // keys pressed so far are handled and painted before the first look
        for (int i = 0; i < 1500 && !screen.contains(text); i++) {
            tui.sync();
            Thread.sleep(20);
        }
        assertTrue(screen.contains(text), "'" + text + "' never appeared:\n" + screen.text());
    }

    /** {@code kroll run} of a playbook that installs nothing and brings ZooKeeper and the brokers up on PLAINTEXT. */
    static void bringUpWithKrollRun(Path root) throws Exception {
        Files.createDirectories(root.resolve("playbooks"));
        Files.writeString(root.resolve("playbooks/setup.yaml"),
                "steps:\n  - render:\n  - start-zookeeper-ensemble:\n  - wait-quorum:\n  - start-brokers:\n");
        assertEquals(0, krollLocal("run", "setup", "-i", root.resolve("cluster.yaml").toString(), "--yes", "--poll", "20ms"));
    }

    /** The command line on the local backend. */
    static int krollLocal(String... args) {
        String before = System.getProperty(Backends.PROPERTY);
        System.setProperty(Backends.PROPERTY, "local");
        try {
            StringWriter out = new StringWriter();
            return Main.execute(args, new PrintWriter(out), new PrintWriter(out));
        } finally {
            if (before == null) {
                System.clearProperty(Backends.PROPERTY);
            } else {
                System.setProperty(Backends.PROPERTY, before);
            }
        }
    }
}
