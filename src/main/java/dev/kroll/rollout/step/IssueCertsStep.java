package dev.kroll.rollout.step;

import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import java.util.Set;

/**
 * {@code issue-certs}: issues every host's keystores and truststore on the jump host (the CA key
 * never leaves it). Idempotent; with {@code renew: true} re-issues even valid ones (rotation).
 */
public record IssueCertsStep(StepHeader header, boolean renew) implements Step {

    public static final StepType TYPE = StepType.single("issue-certs", Set.of("renew"),
            "issue (or with renew: true, re-issue) every host's keystores and truststore on the jump host",
            (h, f, c) -> new IssueCertsStep(h, f.bool("renew").orElse(false)));

    @Override
    public String describe() {
        return "renew=" + renew;
    }

    @Override
    public Set<Effect> effects() {
        return Set.of();
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        ctx.localAction(renew ? "renew-certs" : "issue-certs", scope -> {
            ctx.backend().certs().issue(renew);
            return ActionResult.changed(renew ? "certificates re-issued" : "certificates issued or still valid");
        });
    }

    @Override
    public void plan(DryRun dry) {
        dry.note(null, renew ? "would re-issue every host's certificates on the jump host"
                : "would issue missing or outdated certificates on the jump host (valid ones are kept)");
    }
}
