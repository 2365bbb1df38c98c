package dev.kroll.rollout.gate;

/**
 * What a health gate says about the cluster right now: go ahead, wait (the condition may still
 * come true, e.g. a replica catching up), or refuse (it cannot become safe by waiting, e.g. a topic
 * whose replication factor leaves no room for a broker to stop). Every non-pass carries a reason in
 * plain words.
 */
public sealed interface GateDecision {

    /** @param detail what was checked, for the "gate passed" event */
    record Pass(String detail) implements GateDecision {
    }

    record Wait(String reason) implements GateDecision {
    }

    record Refuse(String reason) implements GateDecision {
    }

    static GateDecision pass(String detail) {
        return new Pass(detail);
    }

    static GateDecision waitFor(String reason) {
        return new Wait(reason);
    }

    static GateDecision refuse(String reason) {
        return new Refuse(reason);
    }

    default boolean passed() {
        return this instanceof Pass;
    }

    /** The reason or detail, whichever this decision carries. */
    default String text() {
        if (this instanceof Pass p) {
            return p.detail();
        }
        return this instanceof Wait w ? w.reason() : ((Refuse) this).reason();
    }
}
