package dev.kroll.rollout.engine;

public enum ActionOutcome {
    /** Something on the host changed (a file, a restart). */
    CHANGED,
    /** Checked and already as wanted. */
    UNCHANGED,
    /** Completed in an earlier attempt of this run (per the journal); not repeated. */
    SKIPPED
}
