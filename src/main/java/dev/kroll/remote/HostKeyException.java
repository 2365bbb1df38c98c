package dev.kroll.remote;

import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;

/** A host's key is unknown (and not accepted) or differs from the recorded one: kroll does not talk to it. */
public final class HostKeyException extends KrollException {

    private static final long serialVersionUID = 1L;

    private final boolean changed;

    HostKeyException(String message, boolean changed) {
        super(ExitCode.GATE_REFUSED, message);
        this.changed = changed;
    }

    /** True when a different key was recorded (possible man-in-the-middle), false when none was. */
    public boolean changed() {
        return changed;
    }
}
