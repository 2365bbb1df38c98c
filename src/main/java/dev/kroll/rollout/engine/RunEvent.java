package dev.kroll.rollout.engine;

import java.time.Instant;

/**
 * What the engine tells its subscribers (the TUI repaints, the command line prints a line). Step
 * indexes are 0-based; {@code host} is null for events about a whole step or run.
 */
public sealed interface RunEvent {

    String runId();

    Instant at();

    record RunStarted(String runId, Instant at, String playbook, int steps, int attempt, boolean dryRun) implements RunEvent {
    }

    record StepStarted(String runId, Instant at, int index, int total, String type, String title) implements RunEvent {
    }

    record HostProgress(String runId, Instant at, int index, String host, String message) implements RunEvent {
    }

    /** A health gate is not met yet; {@code reason} says why in plain words. */
    record GateWaiting(String runId, Instant at, int index, String host, String gate, String reason) implements RunEvent {
    }

    record GatePassed(String runId, Instant at, int index, String host, String gate, String detail) implements RunEvent {
    }

    record HostActionDone(String runId, Instant at, int index, String host, String action, ActionOutcome outcome,
                          String detail) implements RunEvent {
    }

    record StepDone(String runId, Instant at, int index, String type, StepOutcome outcome, String summary) implements RunEvent {
    }

    record Failure(String runId, Instant at, int index, String host, String message) implements RunEvent {
    }

    record RunFinished(String runId, Instant at, RunOutcome outcome, int exitCode, String message) implements RunEvent {
    }
}
