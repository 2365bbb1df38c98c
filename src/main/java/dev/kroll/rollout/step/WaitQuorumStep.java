package dev.kroll.rollout.step;

import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.rollout.gate.ZookeeperGates;
import java.time.Duration;
import java.util.Set;

/** {@code wait-quorum}: waits until every ZooKeeper server serves and the leader reports every follower synced. */
public record WaitQuorumStep(StepHeader header, Duration timeout) implements Step {

    public static final StepType TYPE = StepType.single("wait-quorum", Set.of("timeout"),
            "wait until the whole ZooKeeper ensemble serves with one leader and every follower synced",
            (h, f, c) -> new WaitQuorumStep(h, StepFields.duration(f, "timeout", c.problems()).orElse(null)));

    @Override
    public String describe() {
        return "timeout=" + StepFields.describe(timeout);
    }

    @Override
    public Set<Effect> effects() {
        return Set.of();
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        ctx.awaitGate(null, "ZooKeeper quorum", ZookeeperGates::ensembleHealthy, timeout == null ? ctx.settings().settleTimeout() : timeout);
    }

    @Override
    public void plan(DryRun dry) {
        dry.note(null, "would wait for the ZooKeeper quorum (every server serving, followers synced)");
    }
}
