package dev.kroll.rollout.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kroll.cli.Main;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.journal.ActionRecord;
import dev.kroll.rollout.journal.ActionStatus;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.journal.RunStatus;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import dev.kroll.util.Files2;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kroll run ssl-migration} as its own JVM against a real sandbox, killed with SIGKILL in the
 * middle of the second roll; {@code kroll resume} finishes the migration, and no broker that had
 * completed the second roll is restarted again before the third. Broker starts are counted in each
 * broker's own server.log ("[KafkaServer id=N] started").
 */
@KrollSandbox(hosts = 3)
class EngineKilledOnSandboxIT {

    Process child;

    @AfterEach
    void cleanUp() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        System.clearProperty("kroll.ca.password.file");
    }

    @Test
    void aResumeAfterSigkillInTheSecondRollRestartsNoBrokerThatHadCompletedIt(SandboxCluster cluster) throws Exception {
        Path inv = cluster.inventoryFile();
        Path pass = inv.resolveSibling("ca-passphrase");
        Files2.writeAtomically(pass, "a long sandbox CA passphrase\n".getBytes(StandardCharsets.UTF_8), Files2.OWNER_ONLY);
        SandboxHealth.awaitInSync(cluster);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dkroll.log.dir=" + inv.resolveSibling("child-log"),
                Main.class.getName(), "run", "ssl-migration", "-i", inv.toString(), "--yes", "--poll", "500ms", "--ca-password-file", pass.toString())
                .redirectErrorStream(true).redirectOutput(inv.resolveSibling("child.out").toFile()).start();

        RunRecord atKill = null;
        Map<String, Integer> startsAtKill = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (atKill == null && System.nanoTime() < deadline && child.isAlive()) {
            Optional<RunRecord> r = journal(inv);
            if (r.isPresent() && r.get().actions().stream().anyMatch(a -> a.action().equals("roll:ssl-inter-broker") && a.status() == ActionStatus.DONE)) {
                child.destroyForcibly();
                assertEquals(137, child.waitFor(), "killed by SIGKILL");
                atKill = journal(inv).orElseThrow();
                for (Host h : cluster.hosts(Role.KAFKA)) {
                    startsAtKill.put(h.name(), starts(cluster, h));
                }
            } else {
                Thread.sleep(20);
            }
        }
        assertTrue(atKill != null, "the child never reached the second roll:\n" + Files.readString(inv.resolveSibling("child.out")));
        assertEquals(RunStatus.RUNNING, atKill.status());
        List<String> completed = atKill.actions().stream()
                .filter(a -> a.action().equals("roll:ssl-inter-broker") && a.status() == ActionStatus.DONE).map(ActionRecord::host).toList();
        assertTrue(completed.size() < 3, "killed in the middle of the roll: " + completed);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"resume", "-i", inv.toString(), "--yes", "--poll", "500ms", "--ca-password-file", pass.toString()},
                new PrintWriter(out), new PrintWriter(err));

        assertEquals(0, code, out + "\n" + err);
        RunRecord end = journal(inv).orElseThrow();
        assertEquals(RunStatus.SUCCEEDED, end.status());
        for (Host h : cluster.hosts(Role.KAFKA)) {
            int after = starts(cluster, h);
            if (completed.contains(h.name())) {
                // only the third roll started it again
                assertEquals(startsAtKill.get(h.name()) + 1, after, h.name() + " had completed roll 2 before the kill\n" + out);
                assertTrue(out.toString().contains("    " + h.name() + ": roll:ssl-inter-broker skipped — done in an earlier attempt of this run"), out.toString());
            } else {
                assertTrue(after >= startsAtKill.get(h.name()) + 2 - 1 && after <= startsAtKill.get(h.name()) + 2,
                        h.name() + ": " + startsAtKill.get(h.name()) + " → " + after);
            }
        }
        assertTrue(out.toString().contains("canary produced to kroll-canary-0"), out.toString());
    }

    /** How many times the broker on {@code h} has started, from its server.log. */
    private static int starts(SandboxCluster cluster, Host h) throws IOException {
        Path home = cluster.sandbox().layout().home(h.name());
        int n = 0;
        try (Stream<Path> files = Files.walk(home.resolve("var/log"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("server.log")).toList()) {
                n += (int) Files.readAllLines(f).stream().filter(l -> l.matches(".*\\[KafkaServer id=\\d+\\] started.*")).count();
            }
        }
        return n;
    }

    private static Optional<RunRecord> journal(Path inv) throws IOException {
        Path dir = inv.resolveSibling(".kroll/journal");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(dir)) {
            Optional<Path> f = s.filter(p -> p.getFileName().toString().endsWith("-ssl-migration.json")).findFirst();
            return f.isEmpty() ? Optional.empty() : Optional.of(new ObjectMapper().readValue(f.get().toFile(), RunRecord.class));
        }
    }
}
