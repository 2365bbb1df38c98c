package dev.kroll.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Partition health over all topics (internal ones included). A partition may be in several lists:
 * an offline partition is usually also under-replicated and under min ISR.
 *
 * @param perBroker per broker id, how many partitions it leads and how many replicas it hosts (from the
 *                  same metadata, so the dashboard shows the load without another call)
 */
public record PartitionHealth(int topics, int partitions, List<PartitionIssue> underReplicated,
                              List<PartitionIssue> offline, List<PartitionIssue> underMinIsr,
                              Map<Integer, BrokerPartitions> perBroker) {

    public static final PartitionHealth EMPTY = new PartitionHealth(0, 0, List.of(), List.of(), List.of());

    /** How many partitions a broker leads and how many replicas (led or followed) it is assigned. */
    public record BrokerPartitions(int leader, int replicas) {
    }

    public PartitionHealth {
        underReplicated = List.copyOf(underReplicated);
        offline = List.copyOf(offline);
        underMinIsr = List.copyOf(underMinIsr);
        perBroker = Map.copyOf(perBroker);
    }

    public PartitionHealth(int topics, int partitions, List<PartitionIssue> underReplicated,
                           List<PartitionIssue> offline, List<PartitionIssue> underMinIsr) {
        this(topics, partitions, underReplicated, offline, underMinIsr, Map.of());
    }

    /** The broker's partition counts; zero for a broker with none (or not in the metadata). */
    public BrokerPartitions of(int brokerId) {
        return perBroker.getOrDefault(brokerId, new BrokerPartitions(0, 0));
    }

    /** Sorts the given partition states (every partition, healthy ones too) into the three lists and counts them per broker. */
    public static PartitionHealth of(int topics, int partitions, Collection<PartitionIssue> states) {
        List<PartitionIssue> urp = new ArrayList<>();
        List<PartitionIssue> off = new ArrayList<>();
        List<PartitionIssue> umi = new ArrayList<>();
        Map<Integer, int[]> counts = new TreeMap<>();
        for (PartitionIssue p : states) {
            if (p.leader() != null) {
                counts.computeIfAbsent(p.leader(), b -> new int[2])[0]++;
            }
            p.replicas().forEach(r -> counts.computeIfAbsent(r, b -> new int[2])[1]++);
            if (p.underReplicated()) {
                urp.add(p);
            }
            if (p.offline()) {
                off.add(p);
            }
            if (p.underMinIsr()) {
                umi.add(p);
            }
        }
        Map<Integer, BrokerPartitions> perBroker = new TreeMap<>();
        counts.forEach((b, c) -> perBroker.put(b, new BrokerPartitions(c[0], c[1])));
        return new PartitionHealth(topics, partitions, urp, off, umi, perBroker);
    }

    public boolean allHealthy() {
        return underReplicated.isEmpty() && offline.isEmpty() && underMinIsr.isEmpty();
    }
}
