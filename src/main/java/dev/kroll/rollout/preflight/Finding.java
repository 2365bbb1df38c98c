package dev.kroll.rollout.preflight;

import dev.kroll.inventory.PreflightCheck;
import dev.kroll.util.Problem;

/** One preflight finding, with the stable id of the check that made it (what an acceptance names). */
public record Finding(PreflightCheck check, Problem problem) {

    public boolean isError() {
        return problem.isError();
    }
}
