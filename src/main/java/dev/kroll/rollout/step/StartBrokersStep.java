package dev.kroll.rollout.step;

import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.rollout.gate.BrokerGates;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** {@code start-brokers}: starts every broker that is not running, then waits until all are registered and RUNNING. */
public record StartBrokersStep(StepHeader header, Duration timeout) implements Step {

    public static final StepType TYPE = StepType.single("start-brokers", Set.of("timeout"),
            "start every broker that is not running and wait until all are registered and RUNNING",
            (h, f, c) -> new StartBrokersStep(h, StepFields.duration(f, "timeout", c.problems()).orElse(null)));

    @Override
    public String describe() {
        return "timeout=" + StepFields.describe(timeout);
    }

    @Override
    public Set<Effect> effects() {
        return Set.of(Effect.RESTARTS_SERVICES);
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        ctx.forEachHost(ctx.hosts(Role.KAFKA), "start-kafka", scope -> {
            if (ctx.backend().hosts().running(scope.host(), Role.KAFKA)) {
                return ActionResult.unchanged("already running");
            }
            scope.changing();
            ctx.backend().hosts().start(scope.host(), Role.KAFKA);
            return ActionResult.changed("started");
        });
        Map<Integer, String> names = ctx.brokerNames();
        ctx.awaitGate(null, "all brokers registered", v -> BrokerGates.allRegistered(v, names),
                timeout == null ? ctx.settings().settleTimeout() : timeout);
    }

    @Override
    public void plan(DryRun dry) {
        dry.hosts(Role.KAFKA).forEach(h -> dry.service(h, Role.KAFKA, "start", "unless already running"));
    }
}
