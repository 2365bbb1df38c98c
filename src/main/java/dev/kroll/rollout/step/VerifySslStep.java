package dev.kroll.rollout.step;

import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.util.KrollException;
import java.util.List;
import java.util.Set;

/**
 * {@code verify-ssl}: per broker, a TLS handshake with hostname verification, a client without a
 * certificate refused, the PLAINTEXT port closed; then a canary record produced and consumed over SSL.
 */
public record VerifySslStep(StepHeader header, boolean canary) implements Step {

    public static final StepType TYPE = StepType.single("verify-ssl", Set.of("canary"),
            "check every SSL listener (handshake with hostname verification, client certificate required, PLAINTEXT closed) and a canary over SSL",
            (h, f, c) -> new VerifySslStep(h, f.bool("canary").orElse(true)));

    @Override
    public String describe() {
        return "canary=" + canary;
    }

    @Override
    public Set<Effect> effects() {
        return Set.of();
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        ctx.forEachHost(ctx.hosts(Role.KAFKA), "verify-ssl", scope -> {
            List<String> problems = ctx.backend().verifier().verifyBroker(scope.host());
            if (!problems.isEmpty()) {
                throw KrollException.failure(scope.host().name() + ": " + String.join("; ", problems), null);
            }
            return ActionResult.unchanged("TLS handshake verified, client certificate required, PLAINTEXT closed");
        });
        if (canary) {
            ctx.localAction("canary", scope -> ActionResult.unchanged(ctx.backend().verifier().canary()));
        }
    }

    @Override
    public void plan(DryRun dry) {
        dry.note(null, "would verify every SSL listener" + (canary ? " and produce/consume a canary record over SSL" : ""));
    }
}
