package dev.kroll.rollout.engine;

import dev.kroll.util.ExitCode;

public enum RunOutcome {
    SUCCEEDED(ExitCode.OK),
    FAILED(ExitCode.FAILURE),
    REFUSED(ExitCode.GATE_REFUSED),
    CANCELLED(ExitCode.FAILURE);

    private final int exitCode;

    RunOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
