package dev.kroll.rollout.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.RunParams;
import dev.kroll.rollout.engine.Step;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.rollout.step.RollBrokersStep;
import dev.kroll.rollout.step.RollingRestartStep;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookLoaderTest {

    @TempDir
    Path dir;

    private PlaybookLoader loader() {
        return new PlaybookLoader(new PlaybookSources(List.of(dir)));
    }

    private Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name + ".yaml");
        Files.writeString(p, yaml);
        return p;
    }

    private static List<String> types(Playbook pb) {
        return pb.steps().stream().map(s -> s.header().type()).toList();
    }

    private List<String> problems(String name) {
        KrollException e = assertThrows(KrollException.class, () -> loader().load(name));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        return e.problems().stream().map(Problem::format).toList();
    }

    @Test
    void sslMigrationRollsThroughTheThreePhasesInOrder() {
        Playbook pb = loader().load("ssl-migration");
        assertEquals(List.of("issue-certs", "distribute-certs", "roll-brokers", "roll-brokers", "roll-brokers", "verify-ssl"), types(pb));
        List<ListenerPhase> phases = pb.steps().stream().filter(RollBrokersStep.class::isInstance)
                .map(s -> ((RollBrokersStep) s).phase()).toList();
        assertEquals(List.of(ListenerPhase.SSL_ADDED, ListenerPhase.SSL_INTER_BROKER, ListenerPhase.SSL_ONLY), phases);
        assertEquals("builtin:ssl-migration", pb.source());
    }

    @Test
    void firstTimeSetupExpandsItsIncludeIntoOneFlatListOfSteps() {
        Playbook pb = loader().load("first-time-setup");
        assertEquals(List.of("preflight", "install", "render", "start-zookeeper-ensemble", "wait-quorum", "start-brokers",
                "issue-certs", "distribute-certs", "roll-brokers", "roll-brokers", "roll-brokers", "verify-ssl"), types(pb));
        assertEquals("builtin:ssl-migration", pb.steps().get(8).header().origin());
        assertTrue(pb.params().containsKey("kafka-distribution"));
    }

    @Test
    void rollingRestartRestartsZookeeperOnlyWhenAsked() {
        Playbook pb = loader().load("rolling-restart");
        Step zk = pb.steps().get(1);
        assertEquals(dev.kroll.inventory.Role.ZOOKEEPER, ((RollingRestartStep) zk).role());
        assertTrue(!pb.enabled(zk, new RunParams(Map.of("restart-zookeeper", "false"))));
        assertTrue(pb.enabled(zk, new RunParams(Map.of("restart-zookeeper", "true"))));
        assertTrue(pb.enabled(pb.steps().get(0), new RunParams(Map.of())));
    }

    @Test
    void everyFileInThePlaybooksDirectoryIsABuiltinThatLoads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("playbooks"))) {
            List<String> names = files.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList();
            assertEquals(PlaybookSources.BUILTIN.stream().sorted().toList(), names);
        }
        PlaybookSources.BUILTIN.forEach(n -> assertEquals(n, loader().load(n).name()));
    }

    @Test
    void aMisspeltStepTypeIsReportedWithItsPositionAndASuggestion() throws IOException {
        Path p = write("bad", "steps:\n  - roll-broker:\n      phase: ssl-added\n");
        assertEquals(List.of(p + ":2:5: error: unknown step type 'roll-broker' — did you mean 'roll-brokers'?"), problems("bad"));
    }

    @Test
    void aMisspeltFieldAndABadPhaseAndDurationAreAllReportedAtOnce() throws IOException {
        Path p = write("bad", """
                steps:
                  - roll-brokers:
                      phse: ssl-added
                  - roll-brokers:
                      phase: ssl-inter-brokers
                      stall-timeout: 5 minutes
                """);
        List<String> ps = problems("bad");
        assertEquals(List.of(
                p + ":3:7: error: unknown key 'phse' in step roll-brokers — did you mean 'phase'?",
                p + ":3:7: error: roll-brokers needs 'phase' — add 'phase: plaintext|ssl-added|ssl-inter-broker|ssl-only'",
                p + ":5:14: error: unknown listener phase 'ssl-inter-brokers' — did you mean 'ssl-inter-broker'?",
                p + ":6:22: error: stall-timeout must be a duration, found '5 minutes' — write e.g. 30s, 5m or 1h"), ps);
    }

    @Test
    void fieldsWrittenBesideTheStepTypeInsteadOfUnderItAreExplained() throws IOException {
        Path p = write("bad", "steps:\n  - roll-brokers:\n    phase: ssl-added\n");
        assertTrue(problems("bad").contains(p + ":3:5: error: a step has one type key, found 'roll-brokers' and 'phase'"
                + " — indent the fields of 'roll-brokers' under it (two more spaces), or start a new step with '- '"));
    }

    @Test
    void includesAreLookedUpBesideTheIncludingPlaybookAndTheirWhenApplies() throws IOException {
        write("inner", "steps:\n  - rolling-restart:\n      role: kafka\n  - wait-quorum:\n");
        write("outer", """
                params:
                  extra: {default: "false"}
                steps:
                  - preflight:
                  - include:
                      playbook: inner
                      when: extra
                """);
        Playbook pb = loader().load("outer");
        assertEquals(List.of("preflight", "rolling-restart", "wait-quorum"), types(pb));
        assertEquals(List.of("extra"), pb.steps().get(2).header().when());
        assertEquals(dir.resolve("inner.yaml").toString(), pb.steps().get(1).header().origin());
    }

    @Test
    void anIncludeCycleIsRefused() throws IOException {
        write("a", "steps:\n  - include:\n      playbook: b\n");
        Path b = write("b", "steps:\n  - include:\n      playbook: a\n");
        List<String> ps = problems("a");
        assertEquals(1, ps.size());
        assertTrue(ps.get(0).startsWith(b + ":3:17: error: include cycle: "), ps.get(0));
    }

    @Test
    void whenMustNameADeclaredParameter() throws IOException {
        Path p = write("bad", "params:\n  restart-zookeeper: false\nsteps:\n  - wait-quorum:\n      when: restart-zookeper\n");
        assertEquals(List.of(p + ":5:13: error: 'when: restart-zookeper' names no parameter of this playbook — did you mean 'restart-zookeeper'?"),
                problems("bad"));
    }

    @Test
    void anUnknownPlaybookNameSuggestsTheClosestOne() {
        KrollException e = assertThrows(KrollException.class, () -> loader().load("ssl-migraton"));
        assertEquals("no playbook 'ssl-migraton' — did you mean 'ssl-migration'?", e.getMessage());
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
    }

    @Test
    void aPlaybookBesideTheInventoryTakesPrecedenceOverTheBuiltinOne() throws IOException {
        write("rolling-restart", "steps:\n  - rolling-restart:\n      role: kafka\n      stall-timeout: 90s\n");
        Playbook pb = loader().load("rolling-restart");
        assertEquals(1, pb.steps().size());
        assertEquals(Duration.ofSeconds(90), ((RollingRestartStep) pb.steps().get(0)).stallTimeout());
    }

    @Test
    void theFingerprintChangesWithTheStepsAndWithTheParameters() throws IOException {
        write("p", "params:\n  x: 'false'\nsteps:\n  - roll-brokers:\n      phase: ssl-added\n");
        Playbook one = loader().load("p");
        String f1 = one.fingerprint(new RunParams(Map.of("x", "false")));
        assertEquals(f1, loader().load("p").fingerprint(new RunParams(Map.of("x", "false"))));
        assertNotEquals(f1, one.fingerprint(new RunParams(Map.of("x", "true"))));
        write("p", "params:\n  x: 'false'\nsteps:\n  - roll-brokers:\n      phase: ssl-only\n");
        assertNotEquals(f1, loader().load("p").fingerprint(new RunParams(Map.of("x", "false"))));
    }
}
