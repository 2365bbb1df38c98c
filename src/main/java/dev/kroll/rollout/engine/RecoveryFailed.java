package dev.kroll.rollout.engine;

/** A service did not come back healthy: no progress within its stall period, or its process died. */
public final class RecoveryFailed extends Exception {

    private static final long serialVersionUID = 1L;

    public RecoveryFailed(String message) {
        super(message);
    }
}
