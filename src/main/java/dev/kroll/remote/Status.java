package dev.kroll.remote;

/** How an action ended on one host. */
public enum Status {
    /** Done; nothing to say about change (e.g. facts gathered, a check passed). */
    OK,
    /** Done and the host was changed. */
    CHANGED,
    /** Done; the host already was as wanted. */
    UNCHANGED,
    /** Not done; the reason says why. */
    FAILED
}
