package dev.kroll.rollout.engine;

public record RunResult(String runId, RunOutcome outcome, String message) {

    public int exitCode() {
        return outcome.exitCode();
    }
}
