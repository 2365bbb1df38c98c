package dev.kroll.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunOutcome;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.journal.ActionRecord;
import dev.kroll.rollout.journal.ActionStatus;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.local.LocalCluster;
import dev.kroll.rollout.local.LocalRollout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens when a broker does not come back healthy, and when the cluster is not fit to start with. */
class FailureHandlingEngineTest {

    @TempDir
    Path root;

    @Test
    void aBrokerThatCannotStartWithItsNewConfigurationGetsThePreviousOneBackAndTheRunStops() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        c.poison("kafka2", "ssl-inter-broker");

        RunResult result = r.run("ssl-migration");

        assertEquals(RunOutcome.FAILED, result.outcome());
        assertEquals(1, result.exitCode());
        assertTrue(result.message().contains("kafka2: broker 2 did not come back healthy with the ssl-inter-broker configuration: its process is not running"),
                result.message());
        assertTrue(result.message().endsWith("restored the previous /etc/kafka/server.properties and restarted it: healthy again."
                + " Fix the cause, then run 'kroll resume'"), result.message());
        // the broker runs again on the configuration it had before this roll
        assertTrue(Files.readString(c.onHost("kafka2", "/etc/kafka/server.properties")).contains("# kroll-phase: ssl-added"));
        assertTrue(r.cluster.backend().hosts().running(c.inventory().host("kafka2").orElseThrow(), Role.KAFKA));
        List<String> kafka2 = c.events("kafka2", "start kafka");
        assertEquals("kafka2 start kafka phase=ssl-added", kafka2.get(kafka2.size() - 1));
        assertTrue(kafka2.get(kafka2.size() - 2).startsWith("kafka2 start kafka FAILED: invalid listener"), kafka2.toString());
        // the journal says so; nothing after the failed broker was touched
        RunRecord rec = r.rollout.journals().load(result.runId());
        ActionRecord failed = rec.actions().stream().filter(a -> a.host().equals("kafka2") && a.action().equals("roll:ssl-inter-broker"))
                .findFirst().orElseThrow();
        assertEquals(ActionStatus.REVERTED, failed.status());
        assertEquals(List.of("/etc/kafka/server.properties"), failed.changedFiles());
        assertTrue(c.events().stream().noneMatch(l -> l.contains("phase=ssl-only")));
        assertTrue(r.events(RunEvent.Failure.class).stream().anyMatch(f -> "kafka2".equals(f.host())));
    }

    @Test
    void afterTheFixAResumeFinishesWithoutRepeatingWhatCompleted() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        c.poison("kafka2", "ssl-inter-broker");
        assertEquals(RunOutcome.FAILED, r.run("ssl-migration").outcome());
        List<String> doneBefore = r.rollout.journals().latest().orElseThrow().actions().stream()
                .filter(a -> a.action().equals("roll:ssl-inter-broker") && a.status() == ActionStatus.DONE).map(ActionRecord::host).toList();

        c.cure("kafka2");
        RunResult resumed = r.resume();

        assertEquals(RunOutcome.SUCCEEDED, resumed.outcome(), resumed.message());
        for (String host : List.of("kafka1", "kafka2", "kafka3")) {
            assertEquals(1, c.events(host, "start kafka phase=ssl-inter-broker").size(), host);
            assertEquals(1, c.events(host, "start kafka phase=ssl-only").size(), host);
            // roll 1 completed before the failure: not repeated (kafka2's second start is the revert)
            assertEquals(host.equals("kafka2") ? 2 : 1, c.events(host, "start kafka phase=ssl-added").size(), host);
        }
        for (String host : doneBefore) {
            assertTrue(r.events(RunEvent.HostActionDone.class).stream().anyMatch(e -> e.host().equals(host)
                    && e.action().equals("roll:ssl-inter-broker") && e.outcome() == dev.kroll.rollout.engine.ActionOutcome.SKIPPED), host);
        }
        assertEquals(2, r.rollout.journals().load(resumed.runId()).attempts());
    }

    @Test
    void aStoppedBrokerMakesRollingRestartRefuseBeforeChangingAnything() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        c.stopService("kafka3", Role.KAFKA);
        int eventsBefore = c.events().size();

        RunResult result = r.run("rolling-restart");

        assertEquals(RunOutcome.REFUSED, result.outcome());
        assertEquals(3, result.exitCode());
        assertEquals("step 1 (Restart the brokers, active controller last): cluster ready to roll refused:"
                + " broker 3 (kafka3) is not registered (nothing has been changed)", result.message());
        assertEquals(eventsBefore, c.events().size(), "nothing was stopped or started");
    }

    @Test
    void aBrokerThatRunsButMakesNoProgressFailsAfterTheStallPeriodAndSaysNothingNeedsRestoring() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        c.stuck("kafka2", true);
        r.playbook("restart", "steps:\n  - rolling-restart:\n      role: kafka\n      stall-timeout: 1s\n");

        RunResult result = r.run("restart");

        assertEquals(RunOutcome.FAILED, result.outcome());
        assertTrue(result.message().contains("kafka2: broker 2 did not come back healthy with a restart: no progress for 1s"
                + " (broker 2 not yet in ISR of 3 partitions: orders-0, orders-1, orders-2); no file had changed, so there is nothing to restore"),
                result.message());
    }

    @Test
    void aSlowButSteadyRecoveryIsWaitedForLongPastTheStallPeriod() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        c.partitions = 6;
        c.catchUpMillis = 500; // one partition back in the ISR every 500ms: 3s to catch up, stall period 2s
        r.playbook("restart", "steps:\n  - rolling-restart:\n      role: kafka\n      stall-timeout: 2s\n");

        RunResult result = r.run("restart");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        List<String> reasons = r.events(RunEvent.GateWaiting.class).stream().map(RunEvent.GateWaiting::reason)
                .filter(s -> s.startsWith("broker 2 not yet in ISR of ")).map(s -> s.substring(0, s.indexOf(':'))).distinct().toList();
        assertEquals(List.of("broker 2 not yet in ISR of 6 partitions", "broker 2 not yet in ISR of 5 partitions",
                "broker 2 not yet in ISR of 4 partitions", "broker 2 not yet in ISR of 3 partitions",
                "broker 2 not yet in ISR of 2 partitions", "broker 2 not yet in ISR of 1 partition"), reasons);
    }

    @Test
    void whileARestartedBrokerIsNotRegisteredTheGateLooksItUpAndReadsTheFullViewOnlyOnceASecond() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        c.registerMillis = 2500; // each restarted broker takes 2.5s to register, polled every 20ms
        r.awaitSettled();
        r.playbook("restart", "steps:\n  - rolling-restart:\n      role: kafka\n      stall-timeout: 10s\n");
        c.reads.clear();

        RunResult result = r.run("restart");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        List<LocalCluster.Read> starting = c.reads.stream().filter(x -> !x.starting().isEmpty()).toList();
        List<LocalCluster.Read> full = starting.stream().filter(LocalCluster.Read::full).toList();
        assertTrue(starting.stream().filter(x -> !x.full()).count() > 3 * full.size(),
                "lookups stand in for most reads while a broker starts: " + full.size() + " full of " + starting.size());
        for (int i = 1; i < full.size(); i++) {
            if (full.get(i).starting().equals(full.get(i - 1).starting())) {
                assertTrue(full.get(i).atMillis() - full.get(i - 1).atMillis() >= 1000,
                        "full reads while broker " + full.get(i).starting() + " starts are a second apart: " + full);
            }
        }
        List<String> reasons = r.events(RunEvent.GateWaiting.class).stream().map(RunEvent.GateWaiting::reason).distinct().toList();
        assertTrue(reasons.contains("broker 2 (kafka2) is not registered yet"), reasons.toString());
    }

    @Test
    void theWaitAfterAStartReadsTheRestartedBrokersOwnViewInBrokerOrder() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        c.registerMillis = 1500;
        r.awaitSettled();
        r.playbook("restart", "steps:\n  - rolling-restart:\n      role: kafka\n      stall-timeout: 10s\n");
        c.reads.clear();

        RunResult result = r.run("restart");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        List<LocalCluster.Read> whileStarting = c.reads.stream().filter(x -> x.full() && !x.starting().isEmpty()).toList();
        assertFalse(whileStarting.isEmpty(), "full reads while a broker starts");
        for (LocalCluster.Read x : whileStarting) {
            assertEquals("kafka" + x.starting().iterator().next(), x.of(), "a read while a broker starts is that broker's own view: " + x);
        }
        List<String> viewed = new java.util.ArrayList<>();
        c.reads.stream().map(LocalCluster.Read::of).filter(java.util.Objects::nonNull)
                .forEach(h -> {
                    if (viewed.isEmpty() || !viewed.get(viewed.size() - 1).equals(h)) {
                        viewed.add(h);
                    }
                });
        List<String> restarted = r.events(RunEvent.HostActionDone.class).stream().filter(d -> d.action().equals("restart-kafka"))
                .map(RunEvent.HostActionDone::host).toList();
        assertEquals(restarted, viewed, "each broker's own view is read while it restarts, and only then");
    }

    @Test
    void eachNextBrokerIsChosenOnTheViewThePreviousGatePassedOnWithoutReadingTheWholeClusterAgain() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        r.awaitSettled();
        r.playbook("restart", "steps:\n  - rolling-restart:\n      role: kafka\n      stall-timeout: 10s\n");
        c.reads.clear();

        RunResult result = r.run("restart");

        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());
        List<LocalCluster.Read> whole = c.reads.stream().filter(x -> x.full() && x.of() == null).toList();
        assertEquals(1, whole.size(), "only the ready gate reads the whole cluster; each broker's own views decide the rest: " + whole);
        assertEquals(3, r.events(RunEvent.HostActionDone.class).stream().filter(d -> d.action().equals("restart-kafka")).count());
    }
}
