package dev.kroll.rollout.journal;

public enum ActionStatus {
    /** Begun and not finished: the engine stopped (or was killed) part way. */
    STARTED,
    /** Completed; a resume never repeats it. */
    DONE,
    /** Failed; a resume does it again. */
    FAILED,
    /** Failed and rolled back to the previous configuration; a resume does it again. */
    REVERTED
}
