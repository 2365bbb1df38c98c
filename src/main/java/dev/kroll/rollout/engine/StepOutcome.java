package dev.kroll.rollout.engine;

public enum StepOutcome {
    DONE,
    /** Completed in an earlier attempt of this run. */
    ALREADY_DONE,
    /** Its {@code when} parameter is off. */
    SKIPPED
}
