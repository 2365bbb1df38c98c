package dev.kroll.tui.wizard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.local.LocalCluster;
import dev.kroll.rollout.local.LocalRollout;
import dev.kroll.tui.ScreenReader;
import dev.kroll.tui.Tui;
import dev.kroll.tui.theme.ColorSupport;
import dev.kroll.tui.theme.Themes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard driving kroll's real rollout engine (journal, gates, the shipped step types) over the rollout
 * package's locally simulated hosts, from empty hosts to an SSL-only cluster, by key presses only.
 */
class WizardOnEngineTest {

    @TempDir
    Path root;

    private Tui tui;

    @AfterEach
    void stop() throws Exception {
        if (tui != null) {
            tui.close();
        }
    }

    private void waitFor(ScreenReader screen, String text) throws Exception {
        for (int i = 0; i < 1500 && !screen.contains(text); i++) {
            tui.sync();
            Thread.sleep(20);
        }
        assertTrue(screen.contains(text), "'" + text + "' never appeared:\n" + screen.text());
    }

    @Test
    void everyStepRunsOnTheEngineFromEmptyHostsToAnSslOnlyCluster() throws Exception {
        LocalCluster cluster = LocalCluster.threeHosts(root);
        Path dist = root.resolve("kafka-dist");
        Files.createDirectories(dist.resolve("bin"));
        Files.writeString(dist.resolve("bin/kafka-server-start.sh"), "#!/bin/sh\n");
        EngineWizardBackend backend = new EngineWizardBackend(root.resolve("cluster.yaml"),
                (inv, hostKeys) -> new EngineWizardBackend.OpenEngine(new Rollout(inv, cluster.backend(), LocalRollout.FAST, Clock.systemUTC()), null),
                "no engine",
                Map.of("kafka-distribution", dist.toString()), Clock.systemUTC());
        DefaultVirtualTerminal vt = ScreenReader.terminal(120, 40);
        tui = Tui.start(vt, new Tui.Config(Themes.load("dark", null, ColorSupport.ANSI), false, "local",
                s -> s.show(new WizardView(backend, Clock.systemUTC()))), false);
        ScreenReader screen = new ScreenReader(vt);
        waitFor(screen, "✔ 1 Inventory");

        tui.press("j");
        waitFor(screen, "service action(s)");
        tui.press("Enter");
        waitFor(screen, "✔ 2 Facts & preflight");

        waitFor(screen, "heap (why)");           // the planner's table, with a reason per heap
        tui.press("Enter");
        waitFor(screen, "✔ 3 Plan");
        assertTrue(Files.exists(root.resolve(".kroll/ids.yaml")), "accepting the plan records the IDs");

        for (String step : new String[] {"4 Certificates", "5 Distribution", "6 Cluster bring-up", "7 SSL migration"}) {
            waitFor(screen, "┌ " + step + " ");
            waitFor(screen, "What will happen");
            tui.press("Enter");
            waitFor(screen, "Run " + step.substring(2) + "?");
            tui.press("y");
            waitFor(screen, "✔ " + step);
        }
        assertTrue(Files.readString(cluster.onHost("kafka2", "/etc/kafka/server.properties")).contains("listeners=SSL://"),
                "the brokers ended on SSL only");
        assertTrue(screen.text().contains("finished"), screen.text());
    }
}
