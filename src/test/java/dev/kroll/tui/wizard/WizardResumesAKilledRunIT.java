package dev.kroll.tui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.cli.Main;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.journal.ActionStatus;
import dev.kroll.rollout.journal.JournalStore;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.journal.RunStatus;
import dev.kroll.rollout.local.LocalCluster;
import dev.kroll.tui.ScreenReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kroll run ssl-migration} in its own JVM, killed with SIGKILL in the middle of a roll (on the rollout
 * package's simulated hosts); the wizard opened afterwards offers to resume that run, and a {@code y}
 * finishes it through the engine: the brokers end SSL-only and the journal says succeeded.
 */
class WizardResumesAKilledRunIT {

    @TempDir
    Path root;
    private Process child;
    private LocalWizard wizard;

    @AfterEach
    void cleanUp() throws Exception {
        if (wizard != null) {
            wizard.tui().close();
        }
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theWizardOffersToResumeARunKilledMidRollAndFinishesIt() throws Exception {
        LocalCluster cluster = LocalCluster.threeHosts(root);
        Path inv = root.resolve("cluster.yaml");
        LocalWizard.bringUpWithKrollRun(root);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-D" + Backends.PROPERTY + "=local",
                "-Dkroll.log.dir=" + root.resolve("child-log"), Main.class.getName(),
                "run", "ssl-migration", "-i", inv.toString(), "--yes", "--poll", "20ms")
                .redirectErrorStream(true).redirectOutput(root.resolve("child.out").toFile()).start();
        JournalStore journal = new JournalStore(cluster.inventory().stateDir());
        RunRecord atKill = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (atKill == null && System.nanoTime() < deadline && child.isAlive()) {
            Optional<RunRecord> r = journal.latest().filter(x -> x.playbook().equals("ssl-migration"));
            if (r.isPresent() && r.get().actions().stream().anyMatch(a -> a.action().equals("roll:ssl-added") && a.status() == ActionStatus.DONE)) {
                child.destroyForcibly(); // SIGKILL: the engine records no end
                child.waitFor();
                atKill = journal.latest().orElseThrow();
            } else {
                Thread.sleep(5);
            }
        }
        assertTrue(atKill != null, "the child never reached the first roll: " + Files.readString(root.resolve("child.out")));
        assertEquals(RunStatus.RUNNING, atKill.status());

        wizard = LocalWizard.start(cluster, Map.of());
        ScreenReader screen = wizard.screen();
        wizard.waitFor("Resume the interrupted run?");
        assertTrue(screen.contains("Run " + atKill.runId() + " of ssl-migration was interrupted."), screen.text());
        assertTrue(screen.contains("status running"), screen.text());
        wizard.tui().press("y");
        wizard.waitFor("✔ 7 SSL migration");
        assertTrue(screen.text().contains("finished: ssl-migration finished"), screen.text());
        RunRecord end = journal.load(atKill.runId());
        assertEquals(RunStatus.SUCCEEDED, end.status(), "the same run, continued");
        assertEquals(2, end.attempts());
        assertTrue(Files.readString(cluster.onHost("kafka3", "/etc/kafka/server.properties")).contains("listeners=SSL://"),
                "the brokers ended on SSL only");
    }
}
