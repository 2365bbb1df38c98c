package dev.kroll.tui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.rollout.journal.JournalStore;
import dev.kroll.rollout.journal.RunStatus;
import dev.kroll.rollout.local.LocalCluster;
import dev.kroll.tui.ScreenReader;
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

    private LocalWizard wizard;

    @AfterEach
    void stop() throws Exception {
        if (wizard != null && wizard.tui() != null) {
            wizard.tui().close();
        }
    }

    @Test
    void everyStepRunsOnTheEngineFromEmptyHostsToAnSslOnlyCluster() throws Exception {
        LocalCluster cluster = LocalCluster.threeHosts(root);
        Path dist = root.resolve("kafka-dist");
        Files.createDirectories(dist.resolve("bin"));
        Files.writeString(dist.resolve("bin/kafka-server-start.sh"), "#!/bin/sh\n");
        wizard = LocalWizard.start(cluster, Map.of("kafka-distribution", dist.toString()));
        ScreenReader screen = wizard.screen();
        wizard.waitFor("✔ 1 Inventory");

        wizard.tui().press("j");
        wizard.waitFor("service action(s)");
        wizard.tui().press("Enter");
        wizard.waitFor("✔ 2 Facts & preflight");

        wizard.waitFor("Heap sizes and why");  // the planner's table, then a reason per heap
        wizard.tui().press("Enter");
        wizard.waitFor("✔ 3 Plan");
        assertTrue(Files.exists(root.resolve(".kroll/ids.yaml")), "accepting the plan records the IDs");

        for (String step : new String[] {"4 Certificates", "5 Distribution", "6 Cluster bring-up", "7 SSL migration"}) {
            wizard.waitFor("┌ " + step + " ");
            wizard.waitFor("What will happen");
            wizard.tui().press("Enter");
            wizard.waitFor("Run " + step.substring(2) + "?");
            wizard.tui().press("y");
            wizard.waitFor("✔ " + step);
        }
        assertTrue(Files.readString(cluster.onHost("kafka2", "/etc/kafka/server.properties")).contains("listeners=SSL://"),
                "the brokers ended on SSL only");
        assertTrue(screen.text().contains("finished"), screen.text());
    }

    @Test
    void quittingMidRunStopsTheEngineAtASafePointAndTheJournalKeepsTheRunForResume() throws Exception {
        LocalCluster cluster = LocalCluster.threeHosts(root);
        LocalWizard.bringUpWithKrollRun(root);
        cluster.stuck("kafka2", true); // the first roll waits on its health gate for good
        wizard = LocalWizard.start(cluster, Map.of());
        wizard.waitFor("✔ 1 Inventory");
        wizard.tui().press(":").type("run ssl-migration").press("Enter");
        wizard.waitFor("Run SSL migration?");
        wizard.tui().press("y");
        wizard.waitFor("◐ 7 SSL migration");              // waiting on the stuck broker's gate
        wizard.tui().press("q");
        wizard.waitFor("Quit while a run is in progress?");
        wizard.tui().press("y");
        wizard.tui().sync();
        assertTrue(wizard.tui().shell().quitRequested());
        wizard.tui().close();                              // what kroll tui does after the quit
        wizard = null;
        var run = new JournalStore(root.resolve(".kroll")).latest().orElseThrow();
        assertEquals(RunStatus.CANCELLED, run.status(), "the engine stopped at a safe point and said so in the journal");
        assertTrue(new EngineWizardBackend(root.resolve("cluster.yaml"), null, "no engine", Map.of(), Clock.systemUTC())
                .interrupted().isPresent(), "and the wizard offers it for resume next time");
    }
}
