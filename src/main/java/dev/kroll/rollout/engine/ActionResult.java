package dev.kroll.rollout.engine;

/** How a host action ended; {@code detail} goes to the journal, so it never holds a secret. */
public record ActionResult(ActionOutcome outcome, String detail) {

    public static ActionResult changed(String detail) {
        return new ActionResult(ActionOutcome.CHANGED, detail);
    }

    public static ActionResult unchanged(String detail) {
        return new ActionResult(ActionOutcome.UNCHANGED, detail);
    }
}
