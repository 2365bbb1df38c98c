package dev.kroll.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kroll.cli.Main;
import dev.kroll.rollout.journal.ActionRecord;
import dev.kroll.rollout.journal.ActionStatus;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.journal.RunStatus;
import dev.kroll.rollout.local.LocalCluster;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kroll run ssl-migration} in its own JVM, killed with SIGKILL in the middle of the second
 * roll; {@code kroll resume} then finishes the run without restarting any broker that had
 * completed that roll.
 */
class EngineKilledIT {

    @TempDir
    Path root;
    Process child;

    @BeforeEach
    void localBackend() {
        System.setProperty(Backends.PROPERTY, "local");
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        System.clearProperty(Backends.PROPERTY);
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int kroll(String... args) {
        StringWriter out = new StringWriter();
        return Main.execute(args, new PrintWriter(out), new PrintWriter(out));
    }

    @Test
    void aResumeAfterSigkillInTheSecondRollRestartsNoBrokerThatHadCompletedIt() throws Exception {
        LocalCluster c = LocalCluster.threeHosts(root);
        Path inv = root.resolve("cluster.yaml");
        Files.createDirectories(root.resolve("playbooks"));
        Files.writeString(root.resolve("playbooks/setup.yaml"),
                "steps:\n  - render:\n  - start-zookeeper-ensemble:\n  - wait-quorum:\n  - start-brokers:\n");
        assertEquals(0, kroll("run", "setup", "-i", inv.toString(), "--yes", "--poll", "20ms"));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-D" + Backends.PROPERTY + "=local",
                "-Dkroll.log.dir=" + root.resolve("child-log"), Main.class.getName(),
                "run", "ssl-migration", "-i", inv.toString(), "--yes", "--poll", "20ms")
                .redirectErrorStream(true).redirectOutput(root.resolve("child.out").toFile()).start();

        RunRecord atKill = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (atKill == null && System.nanoTime() < deadline && child.isAlive()) {
            Optional<RunRecord> r = migrationJournal(c);
            if (r.isPresent() && r.get().actions().stream().anyMatch(a -> a.action().equals("roll:ssl-inter-broker") && a.status() == ActionStatus.DONE)) {
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally block runs
                assertEquals(137, child.waitFor(), "killed by SIGKILL");
                atKill = migrationJournal(c).orElseThrow();
            } else {
                Thread.sleep(5);
            }
        }
        assertTrue(atKill != null, "the child never reached the second roll: " + Files.readString(root.resolve("child.out")));
        assertEquals(RunStatus.RUNNING, atKill.status(), "the killed engine could not record an end");
        List<String> completed = atKill.actions().stream()
                .filter(a -> a.action().equals("roll:ssl-inter-broker") && a.status() == ActionStatus.DONE).map(ActionRecord::host).toList();
        assertTrue(completed.size() < 3, "killed in the middle of the roll: " + completed);
        List<String> startsAtKill = c.events().stream().filter(l -> l.endsWith("phase=ssl-inter-broker")).toList();

        assertEquals(0, kroll("resume", "-i", inv.toString(), "--yes", "--poll", "20ms"));

        RunRecord end = migrationJournal(c).orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, end.status());
        assertEquals(2, end.attempts());
        for (String host : List.of("kafka1", "kafka2", "kafka3")) {
            int starts = c.events(host, "start kafka phase=ssl-inter-broker").size();
            if (completed.contains(host)) {
                assertEquals(1, starts, host + " had completed roll 2 before the kill; starts so far " + startsAtKill);
            } else {
                assertTrue(starts == 1 || starts == 2, host + ": " + starts);
            }
            assertEquals(1, c.events(host, "start kafka phase=ssl-added").size(), host + ": roll 1 was not repeated");
            assertEquals(1, c.events(host, "start kafka phase=ssl-only").size(), host);
        }
    }

    private static Optional<RunRecord> migrationJournal(LocalCluster c) throws IOException {
        Path dir = c.inventory().stateDir().resolve("journal");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            Optional<Path> f = s.filter(p -> p.getFileName().toString().endsWith("-ssl-migration.json")).findFirst();
            if (f.isEmpty()) {
                return Optional.empty();
            }
            // written by rename, so a read never sees half a file
            return Optional.of(new ObjectMapper().readValue(new File(f.get().toString()), RunRecord.class));
        }
    }
}
