package dev.kroll.rollout.gate;

import dev.kroll.rollout.gate.ZkMember.ZkMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which member to roll next. Decided afresh before each one from the latest view, because the
 * controller and the ZooKeeper leader can move while others restart: the active controller goes
 * last (each controller move costs a metadata reload), and the ZooKeeper leader goes last (each
 * leader restart costs an election).
 */
public final class RollOrder {

    private RollOrder() {
    }

    public static OptionalInt nextBroker(Collection<Integer> remaining, ClusterView v) {
        OptionalInt controller = v.controller();
        Optional<Integer> next = remaining.stream().sorted()
                .filter(id -> controller.isEmpty() || id != controller.getAsInt()).findFirst();
        if (next.isPresent()) {
            return OptionalInt.of(next.get());
        }
        return remaining.stream().mapToInt(Integer::intValue).min();
    }

    public static OptionalInt nextZookeeper(Collection<Integer> remaining, ClusterView v) {
        Optional<Integer> next = remaining.stream().sorted(Comparator.naturalOrder())
                .filter(id -> v.zkMember(id).map(m -> m.mode() != ZkMode.LEADER).orElse(true)).findFirst();
        if (next.isPresent()) {
            return OptionalInt.of(next.get());
        }
        return remaining.stream().mapToInt(Integer::intValue).min();
    }
}
