package dev.kroll.rollout.step;

import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import java.util.Set;

/** {@code start-zookeeper-ensemble}: starts every ZooKeeper server that is not running (all at once: a new ensemble needs a majority to elect). */
public record StartZookeeperEnsembleStep(StepHeader header) implements Step {

    public static final StepType TYPE = StepType.single("start-zookeeper-ensemble", Set.of(),
            "start every ZooKeeper server that is not running",
            (h, f, c) -> new StartZookeeperEnsembleStep(h));

    @Override
    public String describe() {
        return "";
    }

    @Override
    public Set<Effect> effects() {
        return Set.of(Effect.RESTARTS_SERVICES);
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        ctx.forEachHost(ctx.hosts(Role.ZOOKEEPER), "start-zookeeper", scope -> {
            if (ctx.backend().hosts().running(scope.host(), Role.ZOOKEEPER)) {
                return ActionResult.unchanged("already running");
            }
            scope.changing();
            ctx.backend().hosts().start(scope.host(), Role.ZOOKEEPER);
            return ActionResult.changed("started");
        });
    }

    @Override
    public void plan(DryRun dry) {
        dry.hosts(Role.ZOOKEEPER).forEach(h -> dry.service(h, Role.ZOOKEEPER, "start", "unless already running"));
    }
}
