package dev.kroll.rollout.port;

public enum WriteOutcome {
    /** The file was replaced (its previous version kept as {@code <file>.kroll-prev}) or created. */
    CHANGED,
    /** The host already had exactly this content; nothing was written. */
    UNCHANGED
}
