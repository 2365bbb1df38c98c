package dev.kroll.rollout.step;

import dev.kroll.inventory.PreflightAcceptance;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.rollout.preflight.Acceptances;
import dev.kroll.rollout.preflight.Acceptances.Judged;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@code preflight}: checks every host can take its services before anything is changed. An error
 * refuses the run (exit 3) unless the inventory's {@code preflight.accept} (or {@code --accept})
 * accepts it; accepted findings are printed and journalled as accepted, with their reason.
 */
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
        List<PreflightAcceptance> accepted = ctx.inventory().accepted();
        ConcurrentLinkedQueue<Judged> all = new ConcurrentLinkedQueue<>();
        try {
            ctx.forEachHost(ctx.inventory().hosts(), "preflight", scope -> {
                List<Judged> judged = Acceptances.judge(scope.host(), ctx.backend().preflight().check(scope.host()), accepted);
                all.addAll(judged);
                judged.stream().filter(j -> !j.refuses()).forEach(j -> scope.progress(j.line()));
                List<String> errors = judged.stream().filter(Judged::refuses).map(j -> j.line().substring("error: ".length())).toList();
                if (!errors.isEmpty()) {
                    throw new KrollException(ExitCode.GATE_REFUSED, scope.host().name() + ": " + String.join("; ", errors));
                }
                return ActionResult.unchanged(Acceptances.summary(judged));
            });
        } finally {
            Acceptances.unmatched(accepted, all).forEach(a -> ctx.progress(null, Acceptances.unmatchedWarning(a)));
        }
    }

    @Override
    public void plan(DryRun dry) {
        dry.note(null, "would check every host (" + dry.inventory().hosts().size() + ") before changing anything"
                + (dry.inventory().accepted().isEmpty() ? "" : ", accepting " + String.join(", ",
                dry.inventory().accepted().stream().map(PreflightAcceptance::label).toList())));
    }
}
