package dev.kroll.rollout.journal;

public enum RunStatus {
    /** Running, or the engine died without finishing (a resume continues it). */
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** A safety gate refused; nothing unsafe was done. */
    REFUSED,
    CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED;
    }
}
