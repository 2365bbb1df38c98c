package dev.kroll.rollout.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** Builds hand-made cluster views for gate tests: three brokers, one topic with RF 3 unless told otherwise. */
final class Views {

    static final Map<Integer, String> BROKERS = Map.of(1, "kafka1", 2, "kafka2", 3, "kafka3");

    private final Set<Integer> registered = new LinkedHashSet<>(List.of(1, 2, 3));
    private OptionalInt controller = OptionalInt.of(1);
    private final List<PartitionState> partitions = new ArrayList<>();
    private final Map<Integer, BrokerHealth> health = new HashMap<>(Map.of(1, BrokerHealth.running(1),
            2, BrokerHealth.running(2), 3, BrokerHealth.running(3)));
    private final List<ZkMember> zk = new ArrayList<>();
    private String kafkaError;
    private String zkError;

    static Views healthy() {
        Views v = new Views();
        for (int p = 0; p < 4; p++) {
            v.partition("orders", p, List.of(1, 2, 3), List.of(1, 2, 3), 1 + p % 3, 2);
        }
        v.zk.add(ZkMember.follower(1, "zk1"));
        v.zk.add(ZkMember.leader(2, "zk2", 2, 2));
        v.zk.add(ZkMember.follower(3, "zk3"));
        return v;
    }

    Views partition(String topic, int p, List<Integer> replicas, List<Integer> isr, int leader, int minIsr) {
        partitions.add(new PartitionState(topic, p, replicas, isr, leader, minIsr));
        return this;
    }

    /** Broker {@code id} stopped: unregistered, out of every ISR, leadership moved away. */
    Views brokerDown(int id) {
        registered.remove(id);
        health.remove(id);
        List<PartitionState> copy = new ArrayList<>(partitions);
        partitions.clear();
        for (PartitionState p : copy) {
            List<Integer> isr = p.isr().stream().filter(b -> b != id).toList();
            int leader = p.leader() == id ? (isr.isEmpty() ? -1 : isr.get(0)) : p.leader();
            partitions.add(new PartitionState(p.topic(), p.partition(), p.replicas(), isr, leader, p.minIsr()));
        }
        if (controller.isPresent() && controller.getAsInt() == id) {
            controller = registered.stream().mapToInt(Integer::intValue).min();
        }
        return this;
    }

    /** Broker {@code id} registered again but not yet back in any ISR. */
    Views brokerBackOutOfSync(int id, int state) {
        registered.add(id);
        health.put(id, new BrokerHealth(id, state, 0L, 100L));
        return this;
    }

    Views inSync(int id, String topic, int partition) {
        for (int i = 0; i < partitions.size(); i++) {
            PartitionState p = partitions.get(i);
            if (p.topic().equals(topic) && p.partition() == partition && !p.isr().contains(id)) {
                List<Integer> isr = new ArrayList<>(p.isr());
                isr.add(id);
                partitions.set(i, new PartitionState(p.topic(), p.partition(), p.replicas(), isr, p.leader(), p.minIsr()));
            }
        }
        return this;
    }

    Views controller(int id) {
        controller = OptionalInt.of(id);
        return this;
    }

    Views noController() {
        controller = OptionalInt.empty();
        return this;
    }

    Views kafkaError(String e) {
        kafkaError = e;
        return this;
    }

    Views zkError(String e) {
        zkError = e;
        return this;
    }

    Views zk(ZkMember... members) {
        zk.clear();
        zk.addAll(List.of(members));
        return this;
    }

    ClusterView view() {
        return new ClusterView(Instant.EPOCH, registered, controller, partitions, health, zk, kafkaError, zkError);
    }
}
