package dev.kroll.rollout.playbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.step.ApplyFirewallStep;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code apply-firewall} step as a playbook writes it; no shipped playbook applies a firewall. */
class ApplyFirewallStepTest {

    @TempDir
    Path dir;

    private Playbook load(String yaml) throws Exception {
        Files.writeString(dir.resolve("fw.yaml"), yaml);
        return new PlaybookLoader(new PlaybookSources(List.of(dir))).load("fw");
    }

    @Test
    void rollbackAfterDefaultsToOneMinuteAndTheJumpHostToWhatTheHostsSay() throws Exception {
        ApplyFirewallStep s = (ApplyFirewallStep) load("steps:\n  - apply-firewall: {}\n").steps().get(0);
        assertEquals(Duration.ofSeconds(60), s.rollbackAfter());
        assertNull(s.jumpHost());
        assertEquals(java.util.Set.of(Effect.OVERWRITES_FILES), s.effects(), "asks before it runs, as every changing step");
        ApplyFirewallStep t = (ApplyFirewallStep) load("steps:\n  - apply-firewall:\n      rollback-after: 2m\n      jump-host: 10.0.0.5\n")
                .steps().get(0);
        assertEquals(Duration.ofMinutes(2), t.rollbackAfter());
        assertEquals("10.0.0.5", t.jumpHost());
    }

    @Test
    void aRollbackAfterThatIsNoDurationIsAnErrorAtItsLine() {
        KrollException e = assertThrows(KrollException.class, () -> load("steps:\n  - apply-firewall:\n      rollback-after: soon\n"));
        assertTrue(e.problems().stream().map(Problem::format).anyMatch(p -> p.contains("fw.yaml:3:23: error: rollback-after must be a duration, found 'soon'")),
                e.problems().toString());
    }

    @Test
    void noShippedPlaybookAppliesAFirewall() {
        PlaybookLoader shipped = new PlaybookLoader(new PlaybookSources(List.of(dir)));
        for (String name : List.of("first-time-setup", "ssl-migration", "rolling-restart", "cert-rotation")) {
            assertTrue(shipped.load(name).steps().stream().noneMatch(ApplyFirewallStep.class::isInstance), name);
        }
    }
}
