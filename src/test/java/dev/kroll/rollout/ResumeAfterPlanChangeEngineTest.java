package dev.kroll.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunOutcome;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.journal.ActionRecord;
import dev.kroll.rollout.journal.ActionStatus;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.local.LocalCluster;
import dev.kroll.rollout.local.LocalRollout;
import dev.kroll.rollout.port.Checksums;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resuming after the inventory (and so what the plan renders) changed since the run was interrupted. */
class ResumeAfterPlanChangeEngineTest {

    private static final String SERVER = "/etc/kafka/server.properties";

    @TempDir
    Path root;

    @Test
    void aCutOffRollResumedWithAChangedRenderingStillRestoresTheVersionFromBeforeIt() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        byte[] plaintext = Files.readAllBytes(c.onHost("kafka2", SERVER));
        r.playbook("roll", "steps:\n  - roll-brokers:\n      phase: ssl-added\n");
        c.poison("kafka2", "ssl-added");

        RunRecord cut = cutOffWhileStarting(r, "kafka2", "roll");
        ActionRecord a = action(cut, "kafka2", "roll:ssl-added");
        assertEquals(ActionStatus.STARTED, a.status());
        assertEquals(List.of(SERVER), a.changedFiles());
        assertEquals(Checksums.sha256(plaintext), a.backups().get(SERVER), "the version before the action, journaled before the write");
        String halfDone = Files.readString(c.onHost("kafka2", SERVER));
        assertTrue(halfDone.contains("not-a-port"), halfDone);

        // the operator edits the inventory: the plan renders another (still unstartable) file for kafka2
        c.override("kafka2", "num.io.threads=16");
        RunResult failed = r.resume();

        assertEquals(RunOutcome.FAILED, failed.outcome(), failed.message());
        assertTrue(failed.message().endsWith("restored the previous " + SERVER + " and restarted it: healthy again."
                + " Fix the cause, then run 'kroll resume'"), failed.message());
        // the version from before the cut-off attempt, not the half-done file of that attempt
        assertEquals(new String(plaintext), Files.readString(c.onHost("kafka2", SERVER)));
        assertTrue(r.cluster.backend().hosts().running(host(c, "kafka2"), Role.KAFKA));

        c.cure("kafka2");
        RunResult fixed = r.resume();
        assertEquals(RunOutcome.SUCCEEDED, fixed.outcome(), fixed.message());
        assertTrue(Files.readString(c.onHost("kafka2", SERVER)).contains("num.io.threads=16"));
        assertEquals(new String(plaintext), Files.readString(c.onHost("kafka2", SERVER + ".kroll-prev")),
                "the backup of the successful attempt is still the version from before the roll");
    }

    @Test
    void aCutOffRollResumedWithTheOriginalRenderingKeepsTheGoodBackup() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        byte[] plaintext = Files.readAllBytes(c.onHost("kafka2", SERVER));
        r.playbook("roll", "steps:\n  - roll-brokers:\n      phase: ssl-added\n");
        c.poison("kafka2", "ssl-added");
        cutOffWhileStarting(r, "kafka2", "roll");

        // fixed in the inventory, but the broker now stalls for another reason: the resumed attempt must revert
        c.cure("kafka2");
        c.stuck("kafka2", true);
        RunResult failed = r.resume();
        assertEquals(RunOutcome.FAILED, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("restored the previous " + SERVER), failed.message());
        assertEquals(new String(plaintext), Files.readString(c.onHost("kafka2", SERVER)),
                "restored from the backup the cut-off attempt made, not from the half-done file");
    }

    @Test
    void resumeRefusesInOneLineWhenACompletedHostActionWouldNowBeRenderedDifferently() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        c.poison("kafka2", "ssl-inter-broker");
        assertEquals(RunOutcome.FAILED, r.run("ssl-migration").outcome());
        RunRecord rec = r.rollout.journals().latest().orElseThrow();
        assertTrue(action(rec, "kafka1", "roll:ssl-added").rendered() != null);
        c.cure("kafka2");
        c.override("kafka1", "num.io.threads=16");
        int eventsBefore = c.events().size();

        KrollException e = assertThrows(KrollException.class, r::resume);

        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("cannot resume run " + rec.runId() + ": the inventory changed since it started (kafka1's files"
                + " for step 3 (roll:ssl-added, completed) would now be rendered differently"), e.getMessage());
        assertTrue(e.getMessage().endsWith("put the inventory back as it was and resume, or start afresh with 'kroll run ssl-migration'"
                + " (it rewrites only what differs)"), e.getMessage());
        assertEquals(eventsBefore, c.events().size(), "nothing was stopped or started");

        // with the inventory as it was, the run resumes and finishes
        Files.delete(root.resolve("sim/override-kafka1"));
        RunResult resumed = r.resume();
        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
    }

    @Test
    void theJournalRecordsTheHostsAndTheirPlannedIds() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        assertEquals(Map.of("kafka1", "kafka#1 zookeeper#1", "kafka2", "kafka#2 zookeeper#2", "kafka3", "kafka#3 zookeeper#3"),
                r.rollout.journals().latest().orElseThrow().hosts());
    }

    /** Runs {@code playbook} and cancels it while {@code host}'s broker is starting (its action stays STARTED). */
    private static RunRecord cutOffWhileStarting(LocalRollout r, String host, String playbook) throws Exception {
        r.runCancelledAt(playbook, e -> e instanceof RunEvent.HostProgress p && host.equals(p.host()) && p.message().equals("starting kafka"));
        RunRecord cut = r.rollout.journals().latest().orElseThrow();
        assertEquals(dev.kroll.rollout.journal.RunStatus.CANCELLED, cut.status());
        return cut;
    }

    private static ActionRecord action(RunRecord r, String host, String action) {
        return r.actions().stream().filter(a -> a.host().equals(host) && a.action().equals(action)).reduce((x, y) -> y).orElseThrow();
    }

    private static Host host(LocalCluster c, String name) {
        return c.inventory().host(name).orElseThrow();
    }
}
