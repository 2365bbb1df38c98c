package dev.kroll.rollout.step;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code rolling-restart}: restarts the brokers (active controller last) or the ZooKeeper servers
 * (followers first, leader last) one at a time behind the health gates, changing no file.
 */
public record RollingRestartStep(StepHeader header, Role role, Duration settleTimeout, Duration stallTimeout) implements Step {

    public static final StepType TYPE = StepType.single("rolling-restart", Set.of("role", "settle-timeout", "stall-timeout"),
            "restart brokers (controller last) or ZooKeeper servers (leader last) one at a time behind the health gates",
            (h, f, c) -> new RollingRestartStep(h,
                    StepFields.oneOf(f, "role", List.of("kafka", "zookeeper"), "kafka", c.problems()).equals("zookeeper") ? Role.ZOOKEEPER : Role.KAFKA,
                    StepFields.duration(f, "settle-timeout", c.problems()).orElse(null),
                    StepFields.duration(f, "stall-timeout", c.problems()).orElse(null)));

    @Override
    public String describe() {
        return "role=" + role.key() + " settle-timeout=" + StepFields.describe(settleTimeout) + " stall-timeout=" + StepFields.describe(stallTimeout);
    }

    @Override
    public Set<Effect> effects() {
        return Set.of(Effect.RESTARTS_SERVICES);
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        if (role == Role.KAFKA) {
            BrokerRoll roll = new BrokerRoll(ctx, settleTimeout, stallTimeout);
            RollSequence.brokers(ctx, "restart-kafka", settleTimeout, (scope, id, fresh) -> roll.roll(scope, id, List.of(), true, "a restart", fresh));
        } else {
            ZookeeperRoll roll = new ZookeeperRoll(ctx, settleTimeout, stallTimeout);
            RollSequence.zookeepers(ctx, "restart-zookeeper", settleTimeout, roll::restart);
        }
    }

    @Override
    public void plan(DryRun dry) {
        if (role == Role.KAFKA) {
            for (Host h : new TreeMap<>(dry.brokers()).values()) {
                dry.service(h, Role.KAFKA, "restart", "rolling restart, one broker at a time behind the health gates, active controller last");
            }
        } else {
            Map<Integer, Host> zk = new TreeMap<>();
            dry.hosts(Role.ZOOKEEPER).forEach(h -> zk.put(dry.backend().plan().zookeeperId(h), h));
            for (Host h : zk.values()) {
                dry.service(h, Role.ZOOKEEPER, "restart", "rolling restart, followers first, leader last, quorum kept");
            }
        }
    }
}
