package dev.kroll.rollout.gate;

import java.util.List;

/**
 * One partition as the gates need it.
 *
 * @param leader the leader's broker id, or -1 when the partition has none (offline)
 * @param minIsr the topic's effective {@code min.insync.replicas}
 */
public record PartitionState(String topic, int partition, List<Integer> replicas, List<Integer> isr, int leader, int minIsr) {

    public PartitionState {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    public String name() {
        return topic + "-" + partition;
    }

    public boolean offline() {
        return leader < 0;
    }

    public boolean underReplicated() {
        return isr.size() < replicas.size();
    }

    public boolean underMinIsr() {
        return isr.size() < minIsr;
    }

    /** Replicas that are assigned but not in sync. */
    public List<Integer> outOfSync() {
        return replicas.stream().filter(r -> !isr.contains(r)).toList();
    }
}
