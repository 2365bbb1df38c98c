package dev.kroll.rollout.step;

import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.util.List;
import java.util.Set;

/** {@code preflight}: checks every host can take its services before anything is changed; a problem refuses the run (exit 3). */
public record PreflightStep(StepHeader header) implements Step {

    public static final StepType TYPE = StepType.single("preflight", Set.of(),
            "check every host (reachable, Java, disk, ports, existing IDs) before anything changes",
            (h, f, c) -> new PreflightStep(h));

    @Override
    public String describe() {
        return "";
    }

    @Override
    public Set<Effect> effects() {
        return Set.of();
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        ctx.forEachHost(ctx.inventory().hosts(), "preflight", scope -> {
            List<Problem> problems = ctx.backend().preflight().check(scope.host());
            problems.stream().filter(p -> !p.isError()).forEach(p -> scope.progress("warning: " + p.message()
                    + (p.fix() == null || p.fix().isBlank() ? "" : " — " + p.fix())));
            List<String> errors = problems.stream().filter(Problem::isError).map(p -> p.message()
                    + (p.fix() == null || p.fix().isBlank() ? "" : " — " + p.fix())).toList();
            if (!errors.isEmpty()) {
                throw new KrollException(ExitCode.GATE_REFUSED, scope.host().name() + ": " + String.join("; ", errors));
            }
            long warnings = problems.size();
            return ActionResult.unchanged(warnings == 0 ? "fit" : "fit, " + warnings + " warning" + (warnings == 1 ? "" : "s"));
        });
    }

    @Override
    public void plan(DryRun dry) {
        dry.note(null, "would check every host (" + dry.inventory().hosts().size() + ") before changing anything");
    }
}
