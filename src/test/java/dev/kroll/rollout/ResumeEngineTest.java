package dev.kroll.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.rollout.engine.ActionOutcome;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunOutcome;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.engine.StepOutcome;
import dev.kroll.rollout.journal.ActionStatus;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.journal.RunStatus;
import dev.kroll.rollout.local.LocalCluster;
import dev.kroll.rollout.local.LocalRollout;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeEngineTest {

    @TempDir
    Path root;

    @Test
    void aRunCancelledInTheSecondRollResumesWithoutRepeatingCompletedHostActions() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        // cancel as soon as the first broker of the second roll is done
        r.runCancelledAt("ssl-migration", e -> e instanceof RunEvent.HostActionDone d && d.action().equals("roll:ssl-inter-broker")
                && d.outcome() == ActionOutcome.CHANGED);

        RunRecord cut = r.rollout.journals().latest().orElseThrow();
        assertEquals(RunStatus.CANCELLED, cut.status());
        List<String> done = cut.actions().stream().filter(a -> a.action().equals("roll:ssl-inter-broker") && a.status() == ActionStatus.DONE)
                .map(a -> a.host()).toList();
        assertTrue(!done.isEmpty() && done.size() < 3, done.toString());

        r.events.clear();
        RunResult resumed = r.resume();

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        for (String host : List.of("kafka1", "kafka2", "kafka3")) {
            int starts = c.events(host, "start kafka phase=ssl-inter-broker").size();
            if (done.contains(host)) {
                assertEquals(1, starts, host + " completed roll 2 before the cancel");
            } else {
                // rolled by the resume; restarted twice only if the cancel cut its own action short after the start
                assertTrue(starts == 1 || starts == 2, host + ": " + starts);
            }
            assertEquals(1, c.events(host, "start kafka phase=ssl-added").size(), host);
            assertEquals(1, c.events(host, "start kafka phase=ssl-only").size(), host);
        }
        assertEquals(List.of(StepOutcome.ALREADY_DONE, StepOutcome.ALREADY_DONE, StepOutcome.ALREADY_DONE),
                r.events(RunEvent.StepDone.class).subList(0, 3).stream().map(RunEvent.StepDone::outcome).toList());
        assertEquals(done.size(), r.events(RunEvent.HostActionDone.class).stream()
                .filter(e -> e.action().equals("roll:ssl-inter-broker") && e.outcome() == ActionOutcome.SKIPPED).count());
    }

    @Test
    void resumeRefusesWhenTheRunFinishedOrThePlaybookChanged() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        KrollException done = assertThrows(KrollException.class, r::resume);
        assertEquals(ExitCode.BAD_INPUT, done.exitCode());
        assertTrue(done.getMessage().startsWith("nothing to resume: run "), done.getMessage());

        c.poison("kafka1", "ssl-added");
        r.playbook("roll", "steps:\n  - roll-brokers:\n      phase: ssl-added\n");
        assertEquals(RunOutcome.FAILED, r.run("roll").outcome());
        r.playbook("roll", "steps:\n  - roll-brokers:\n      phase: ssl-only\n");
        KrollException changed = assertThrows(KrollException.class, r::resume);
        assertEquals(ExitCode.BAD_INPUT, changed.exitCode());
        assertTrue(changed.getMessage().contains("changed since run"), changed.getMessage());
    }

    @Test
    void aSecondRunOnTheSameInventoryIsRefusedWhileOneHoldsTheLock() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        try (var lock = r.rollout.journals().lock()) {
            KrollException e = assertThrows(KrollException.class, r::startPlaintext);
            assertEquals(ExitCode.FAILURE, e.exitCode());
            assertTrue(e.getMessage().startsWith("another kroll run holds "), e.getMessage());
        }
        assertTrue(Files.isDirectory(r.rollout.journals().dir()));
        assertEquals(Optional.empty(), r.rollout.journals().latest());
    }
}
