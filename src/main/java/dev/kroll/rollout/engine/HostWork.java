package dev.kroll.rollout.engine;

/** The body of one host-level action. */
@FunctionalInterface
public interface HostWork {

    ActionResult run(ActionScope scope) throws Exception;
}
