package dev.kroll.tui.wizard;

import java.time.Instant;

/**
 * What the wizard shows while a step runs. These mirror the rollout engine's run events (run/step
 * started, host progress, gate waiting with its reason, host action done, step done, failure, run
 * finished); the backend adapts the engine's events to these, plus the one question only an operator
 * can answer: an unknown SSH host key.
 */
public sealed interface WizardEvent {

    Instant at();

    record StepStarted(Instant at, Stage stage, String title) implements WizardEvent {
    }

    record HostProgress(Instant at, String host, String message) implements WizardEvent {
    }

    /** A health gate is not met yet; {@code reason} says why in plain words. */
    record GateWaiting(Instant at, String host, String gate, String reason) implements WizardEvent {
    }

    record GatePassed(Instant at, String host, String gate) implements WizardEvent {
    }

    /** @param changed false when the host was already as wanted (or done in an earlier attempt) */
    record HostDone(Instant at, String host, String action, boolean changed, String detail) implements WizardEvent {
    }

    record Failure(Instant at, String host, String message) implements WizardEvent {
    }

    /** The step's run ended; {@code ok} false with the reason in {@code message}. */
    record Finished(Instant at, boolean ok, boolean cancelled, String message) implements WizardEvent {
    }
}
