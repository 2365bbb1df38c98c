package dev.kroll.tui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.rollout.engine.ActionOutcome;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EngineEventsTest {

    private static final Instant T = Instant.parse("2025-05-01T10:00:00Z");

    @Test
    void aWaitingGateKeepsItsPlainWordsReasonAndHost() {
        WizardEvent e = EngineEvents.of(new RunEvent.GateWaiting("r1", T, 3, "kafka2", "before stop",
                "4 under-replicated partitions on topic orders, broker 2 not yet in ISR"), Stage.SSL_MIGRATION).orElseThrow();
        WizardEvent.GateWaiting g = (WizardEvent.GateWaiting) e;
        assertEquals("kafka2", g.host());
        assertEquals("4 under-replicated partitions on topic orders, broker 2 not yet in ISR", g.reason());
    }

    @Test
    void hostActionsSayWhetherAnythingChanged() {
        WizardEvent.HostDone changed = (WizardEvent.HostDone) EngineEvents.of(new RunEvent.HostActionDone("r1", T, 2, "kafka1",
                "restart", ActionOutcome.CHANGED, null), Stage.SSL_MIGRATION).orElseThrow();
        WizardEvent.HostDone skipped = (WizardEvent.HostDone) EngineEvents.of(new RunEvent.HostActionDone("r1", T, 2, "kafka1",
                "restart", ActionOutcome.SKIPPED, "done in attempt 1"), Stage.SSL_MIGRATION).orElseThrow();
        assertTrue(changed.changed());
        assertFalse(skipped.changed());
    }

    @Test
    void theRunsOutcomeEndsTheStep() {
        WizardEvent.Finished ok = (WizardEvent.Finished) EngineEvents.of(new RunEvent.RunFinished("r1", T, RunOutcome.SUCCEEDED, 0,
                "done"), Stage.BRING_UP).orElseThrow();
        WizardEvent.Finished cancelled = (WizardEvent.Finished) EngineEvents.of(new RunEvent.RunFinished("r1", T, RunOutcome.CANCELLED,
                1, "cancelled during step 2"), Stage.BRING_UP).orElseThrow();
        WizardEvent.Finished refused = (WizardEvent.Finished) EngineEvents.of(new RunEvent.RunFinished("r1", T, RunOutcome.REFUSED,
                3, "broker 3 is not registered"), Stage.BRING_UP).orElseThrow();
        assertTrue(ok.ok());
        assertTrue(cancelled.cancelled());
        assertFalse(refused.ok());
        assertEquals("broker 3 is not registered", refused.message());
    }

    @Test
    void theRunStartingIsNotShownTwice() {
        assertTrue(EngineEvents.of(new RunEvent.RunStarted("r1", T, "wizard", 12, 1, false), Stage.PREFLIGHT).isEmpty());
    }
}
