package dev.kroll.rollout.step;

import dev.kroll.inventory.Host;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.ActionScope;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.gate.BrokerGates;
import dev.kroll.rollout.gate.ClusterView;
import dev.kroll.rollout.gate.GateDecision;
import dev.kroll.rollout.gate.RollOrder;
import dev.kroll.rollout.gate.ZookeeperGates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Walks the members of a rolling step one at a time: first what the journal has as done (skipped),
 * then a member whose action was cut off in an earlier attempt (it may be down: bring it back
 * first), then the rest in {@link RollOrder} — active controller / ZooKeeper leader last.
 */
final class RollSequence {

    @FunctionalInterface
    interface PerMember {
        /** @param chosenOn the view the member was chosen on (a fresh one its first gate may decide on), or null */
        ActionResult roll(ActionScope scope, int id, ClusterView chosenOn) throws Exception;
    }

    private RollSequence() {
    }

    static void brokers(StepContext ctx, String action, Duration settle, PerMember work) throws InterruptedException {
        Map<Integer, String> names = ctx.brokerNames();
        walk(ctx, ctx.brokers(), action, work, "cluster ready to roll", v -> BrokerGates.readyToRoll(v, names),
                RollOrder::nextBroker, settle);
    }

    static void zookeepers(StepContext ctx, String action, Duration settle, PerMember work) throws InterruptedException {
        walk(ctx, ctx.zookeepers(), action, work, "ZooKeeper ensemble ready to roll", ZookeeperGates::ensembleHealthy,
                RollOrder::nextZookeeper, settle);
    }

    private interface Order {
        OptionalInt next(TreeSet<Integer> remaining, ClusterView v);
    }

    private static void walk(StepContext ctx, Map<Integer, Host> members, String action, PerMember work, String readyGate,
                             Function<ClusterView, GateDecision> ready, Order order,
                             Duration settle) throws InterruptedException {
        TreeSet<Integer> remaining = new TreeSet<>(members.keySet());
        for (Integer id : List.copyOf(remaining)) {
            if (ctx.done(members.get(id), action)) {
                ctx.hostAction(members.get(id), action, s -> ActionResult.unchanged("")); // publishes "skipped"
                remaining.remove(id);
            }
        }
        if (remaining.isEmpty()) {
            return;
        }
        List<String> cutOff = ctx.interruptedHosts();
        if (cutOff.isEmpty()) {
            ctx.awaitGate(null, readyGate, ready, settle == null ? ctx.settings().settleTimeout() : settle);
        }
        while (!remaining.isEmpty()) {
            Optional<Integer> resumeFirst = remaining.stream().filter(i -> cutOff.contains(members.get(i).name())).findFirst();
            // the view the ready gate or the previous member's return passed on is read again only when it is not new
            ClusterView v = resumeFirst.isPresent() ? null : ctx.viewJustPassed().orElseGet(ctx::snapshot);
            int id = resumeFirst.orElseGet(() -> order.next(remaining, v).getAsInt());
            Host host = members.get(id);
            ctx.hostAction(host, action, scope -> work.roll(scope, id, v));
            remaining.remove(id);
        }
    }
}
