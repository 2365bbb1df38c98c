package dev.kroll.tui.wizard;

import dev.kroll.rollout.engine.ActionOutcome;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunOutcome;
import dev.kroll.rollout.engine.StepOutcome;
import java.util.Optional;

/** Turns the rollout engine's run events into what the wizard shows. Pure. */
public final class EngineEvents {

    private EngineEvents() {
    }

    /** The wizard's form of an engine event; empty for events the wizard does not show on their own. */
    public static Optional<WizardEvent> of(RunEvent e, Stage stage) {
        if (e instanceof RunEvent.StepStarted s) {
            return Optional.of(new WizardEvent.StepStarted(e.at(), stage, s.title()));
        } else if (e instanceof RunEvent.HostProgress p) {
            return Optional.of(new WizardEvent.HostProgress(e.at(), p.host(), p.message()));
        } else if (e instanceof RunEvent.GateWaiting g) {
            return Optional.of(new WizardEvent.GateWaiting(e.at(), g.host(), g.gate(), g.reason()));
        } else if (e instanceof RunEvent.GatePassed g) {
            return Optional.of(new WizardEvent.GatePassed(e.at(), g.host(), g.gate()));
        } else if (e instanceof RunEvent.HostActionDone d) {
            return Optional.of(new WizardEvent.HostDone(e.at(), d.host(), d.action(), d.outcome() == ActionOutcome.CHANGED, d.detail()));
        } else if (e instanceof RunEvent.Failure f) {
            return Optional.of(new WizardEvent.Failure(e.at(), f.host(), f.message()));
        } else if (e instanceof RunEvent.RunFinished f) {
            return Optional.of(new WizardEvent.Finished(e.at(), f.outcome() == RunOutcome.SUCCEEDED,
                    f.outcome() == RunOutcome.CANCELLED, f.message()));
        } else if (e instanceof RunEvent.StepDone d && d.outcome() == StepOutcome.DONE) {
            return Optional.of(new WizardEvent.HostProgress(e.at(), null, "step done: " + d.summary()));
        }
        return Optional.empty(); // RunStarted, skipped steps: the wizard already knows
    }
}
