package dev.kroll.probe;

import java.util.List;

/**
 * A partition that is not fully healthy.
 *
 * @param leader   the leader's broker id, or null when the partition has none (offline)
 * @param minIsr   the topic's effective {@code min.insync.replicas}
 */
public record PartitionIssue(String topic, int partition, Integer leader, List<Integer> replicas, List<Integer> isr,
                             int minIsr) {

    public PartitionIssue {
        replicas = List.copyOf(replicas);
        isr = List.copyOf(isr);
    }

    /** {@code orders-3}, as Kafka's tools name it. */
    public String name() {
        return topic + "-" + partition;
    }

    /** Replicas not in the ISR. */
    public List<Integer> outOfSync() {
        return replicas.stream().filter(r -> !isr.contains(r)).toList();
    }

    public boolean offline() {
        return leader == null;
    }

    public boolean underReplicated() {
        return isr.size() < replicas.size();
    }

    public boolean underMinIsr() {
        return isr.size() < minIsr;
    }
}
