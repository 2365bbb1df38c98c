package dev.kroll.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.rollout.engine.ActionOutcome;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunOutcome;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.journal.ActionStatus;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.journal.RunStatus;
import dev.kroll.rollout.local.LocalCluster;
import dev.kroll.rollout.local.LocalClusterSecrets;
import dev.kroll.rollout.local.LocalRollout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine driving the shipped ssl-migration playbook over a locally simulated cluster. */
class SslMigrationEngineTest {

    @TempDir
    Path root;

    @Test
    void eachRollCompletesOnEveryBrokerBeforeTheNextStartsWithTheControllerLast() throws Exception {
        LocalRollout r = new LocalRollout(LocalCluster.threeHosts(root));
        r.startPlaintext();
        RunResult result = r.run("ssl-migration");
        assertEquals(RunOutcome.SUCCEEDED, result.outcome(), result.message());

        List<String> starts = r.cluster.events().stream().filter(l -> l.contains(" start kafka") && !l.endsWith("plaintext")).toList();
        List<String> phases = starts.stream().map(l -> l.substring(l.indexOf("phase=") + 6)).toList();
        assertEquals(List.of("ssl-added", "ssl-added", "ssl-added", "ssl-inter-broker", "ssl-inter-broker", "ssl-inter-broker",
                "ssl-only", "ssl-only", "ssl-only"), phases);
        // every broker once per roll, and the controller at the start of each roll goes last
        List<String> ready = r.events(RunEvent.GatePassed.class).stream().filter(g -> g.gate().equals("cluster ready to roll"))
                .map(RunEvent.GatePassed::detail).toList();
        assertEquals(3, ready.size());
        for (int roll = 0; roll < 3; roll++) {
            List<String> hosts = starts.subList(roll * 3, roll * 3 + 3).stream().map(l -> l.substring(0, l.indexOf(' '))).toList();
            assertEquals(List.of("kafka1", "kafka2", "kafka3"), hosts.stream().sorted().toList());
            String controller = ready.get(roll).replaceAll(".*controller (\\d+).*", "$1");
            assertEquals("kafka" + controller, hosts.get(2), "roll " + (roll + 1) + ": " + ready.get(roll) + " but order " + hosts);
        }
        assertTrue(Files.readString(r.cluster.onHost("kafka2", "/etc/kafka/server.properties")).contains("listeners=SSL://127.0.0.12:9093"));
        // the ssl-inter-broker version is what a revert would restore
        assertTrue(Files.readString(r.cluster.onHost("kafka2", "/etc/kafka/server.properties.kroll-prev")).contains("# kroll-phase: ssl-inter-broker"));
    }

    @Test
    void theControllerIsChosenAfreshBeforeEachBrokerSoItStaysLastWhenItMoves() throws Exception {
        LocalRollout r = new LocalRollout(LocalCluster.threeHosts(root));
        r.startPlaintext();
        r.playbook("one-roll", "steps:\n  - roll-brokers:\n      phase: ssl-added\n");
        RunResult one = r.run("one-roll");
        assertEquals(RunOutcome.SUCCEEDED, one.outcome(), one.message());
        List<String> first = r.cluster.events().stream().filter(l -> l.endsWith("phase=ssl-added")).map(l -> l.substring(0, 6)).toList();
        // the controller (the longest-running broker here) moved when the first broker rolled: to the first one rolled
        r.playbook("two-roll", "steps:\n  - roll-brokers:\n      phase: ssl-inter-broker\n");
        assertEquals(RunOutcome.SUCCEEDED, r.run("two-roll").outcome());
        List<String> second = r.cluster.events().stream().filter(l -> l.endsWith("phase=ssl-inter-broker")).map(l -> l.substring(0, 6)).toList();
        assertEquals(first.get(0), second.get(2), "first " + first + ", second " + second);
    }

    @Test
    void theEventsTellStepsGatesWithReasonsAndHostActions() throws Exception {
        LocalRollout r = new LocalRollout(LocalCluster.threeHosts(root));
        r.startPlaintext();
        r.run("ssl-migration");

        RunEvent.RunStarted started = r.events(RunEvent.RunStarted.class).get(0);
        assertEquals("ssl-migration", started.playbook());
        assertEquals(6, started.steps());
        assertEquals(List.of("issue-certs", "distribute-certs", "roll-brokers", "roll-brokers", "roll-brokers", "verify-ssl"),
                r.events(RunEvent.StepStarted.class).stream().map(RunEvent.StepStarted::type).toList());
        assertEquals("Roll 2/3: inter-broker traffic on SSL", r.events(RunEvent.StepStarted.class).get(3).title());
        // while a restarted broker comes back the gate waits, and says why in words
        List<String> reasons = r.events(RunEvent.GateWaiting.class).stream().map(RunEvent.GateWaiting::reason).toList();
        assertTrue(reasons.contains("broker 2 (kafka2) is not registered yet"), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith("broker 2 not yet in ISR of ")), reasons.toString());
        assertEquals(9, r.events(RunEvent.HostActionDone.class).stream().filter(e -> e.action().startsWith("roll:"))
                .filter(e -> e.outcome() == ActionOutcome.CHANGED).count());
        assertTrue(r.events(RunEvent.GatePassed.class).stream().anyMatch(g -> g.gate().equals("before stopping broker 3")));
        RunEvent last = r.events.get(r.events.size() - 1);
        assertTrue(last instanceof RunEvent.RunFinished f && f.outcome() == RunOutcome.SUCCEEDED, last.toString());
    }

    @Test
    void theJournalRecordsEveryHostActionAndHoldsNoSecret() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        LocalRollout r = new LocalRollout(c);
        r.startPlaintext();
        RunResult result = r.run("ssl-migration");

        Path file = r.rollout.journals().file(result.runId());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(c.inventory().stateDir())));
        RunRecord rec = r.rollout.journals().load(result.runId());
        assertEquals(RunStatus.SUCCEEDED, rec.status());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), rec.stepsDone());
        assertEquals(9, rec.actions().stream().filter(a -> a.action().startsWith("roll:") && a.status() == ActionStatus.DONE).count());
        assertTrue(rec.actions().stream().allMatch(a -> a.startedAt() != null && a.finishedAt() != null));

        String journal = Files.readString(file);
        String events = r.events.toString();
        for (String host : List.of("kafka1", "kafka2", "kafka3")) {
            String secret = LocalClusterSecrets.password(c, host);
            assertTrue(Files.readString(c.onHost(host, "/etc/kafka/ssl/store-password")).equals(secret));
            assertTrue(!journal.contains(secret) && !events.contains(secret), "the store password of " + host + " leaked");
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(c.onHost("kafka1", "/etc/kafka/ssl/store-password"))));
    }
}
