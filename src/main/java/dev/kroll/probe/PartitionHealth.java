package dev.kroll.probe;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Partition health over all topics (internal ones included). A partition may be in several lists:
 * an offline partition is usually also under-replicated and under min ISR.
 */
public record PartitionHealth(int topics, int partitions, List<PartitionIssue> underReplicated,
                              List<PartitionIssue> offline, List<PartitionIssue> underMinIsr) {

    public static final PartitionHealth EMPTY = new PartitionHealth(0, 0, List.of(), List.of(), List.of());

    public PartitionHealth {
        underReplicated = List.copyOf(underReplicated);
        offline = List.copyOf(offline);
        underMinIsr = List.copyOf(underMinIsr);
    }

    /** Sorts the given partition states into the three lists. */
    public static PartitionHealth of(int topics, int partitions, Collection<PartitionIssue> states) {
        List<PartitionIssue> urp = new ArrayList<>();
        List<PartitionIssue> off = new ArrayList<>();
        List<PartitionIssue> umi = new ArrayList<>();
        for (PartitionIssue p : states) {
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
        return new PartitionHealth(topics, partitions, urp, off, umi);
    }

    public boolean allHealthy() {
        return underReplicated.isEmpty() && offline.isEmpty() && underMinIsr.isEmpty();
    }
}
