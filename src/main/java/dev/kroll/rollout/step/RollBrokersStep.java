package dev.kroll.rollout.step;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.rollout.port.RenderedFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code roll-brokers}: moves every broker to the configuration of a listener phase, one broker at
 * a time behind the health gates, the active controller last. The step completes on every broker
 * before the next step starts.
 */
public record RollBrokersStep(StepHeader header, ListenerPhase phase, boolean alwaysRestart, Duration settleTimeout,
                              Duration stallTimeout) implements Step {

    public static final StepType TYPE = StepType.single("roll-brokers", Set.of("phase", "restart", "settle-timeout", "stall-timeout"),
            "render the brokers' configuration for a listener phase and restart them one at a time behind the health gates",
            (h, f, c) -> new RollBrokersStep(h, StepFields.phase(f, "phase", null, "roll-brokers", c.problems()),
                    StepFields.oneOf(f, "restart", List.of("if-changed", "always"), "if-changed", c.problems()).equals("always"),
                    StepFields.duration(f, "settle-timeout", c.problems()).orElse(null),
                    StepFields.duration(f, "stall-timeout", c.problems()).orElse(null)));

    @Override
    public String describe() {
        return "phase=" + phase + " restart=" + (alwaysRestart ? "always" : "if-changed") + " settle-timeout="
                + StepFields.describe(settleTimeout) + " stall-timeout=" + StepFields.describe(stallTimeout);
    }

    @Override
    public Set<Effect> effects() {
        return Set.of(Effect.OVERWRITES_FILES, Effect.RESTARTS_SERVICES);
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        BrokerRoll roll = new BrokerRoll(ctx, settleTimeout, stallTimeout);
        RollSequence.brokers(ctx, "roll:" + phase, settleTimeout, (scope, id, fresh) ->
                roll.roll(scope, id, kafkaFiles(ctx.backend().plan(), scope.host(), phase), alwaysRestart, "the " + phase + " configuration", fresh));
    }

    @Override
    public List<RenderedFile> plannedFiles(Host host, ClusterPlan plan) {
        return host.has(Role.KAFKA) ? kafkaFiles(plan, host, phase) : List.of();
    }

    @Override
    public void plan(DryRun dry) {
        Map<Integer, Host> brokers = new TreeMap<>(dry.brokers());
        for (Host h : brokers.values()) {
            boolean changed = false;
            for (RenderedFile f : kafkaFiles(dry.backend().plan(), h, phase)) {
                changed |= dry.file(h, f);
            }
            if (changed || alwaysRestart) {
                dry.service(h, Role.KAFKA, "restart", "roll to " + phase + ", one broker at a time behind the health gates, active controller last");
            } else {
                dry.note(h, "already has the " + phase + " configuration: no restart");
            }
        }
    }

    /** The files a broker restart picks up (the host's ZooKeeper files are left alone). */
    static List<RenderedFile> kafkaFiles(ClusterPlan plan, Host h, ListenerPhase phase) {
        return plan.render(h, phase).stream().filter(f -> f.service() == Role.KAFKA).toList();
    }
}
