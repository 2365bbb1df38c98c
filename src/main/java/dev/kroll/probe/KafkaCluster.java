package dev.kroll.probe;

import java.util.List;

/**
 * What the AdminClient saw: the brokers that are alive in the cluster's metadata, the active
 * controller and the partition health.
 *
 * @param controller the active controller's broker id, or null when there is none
 */
public record KafkaCluster(String clusterId, Integer controller, List<BrokerNode> brokers, PartitionHealth partitions) {

    public KafkaCluster {
        brokers = List.copyOf(brokers);
    }

    /** A broker as listed by {@code describeCluster} (its listener for the probe's connection). */
    public record BrokerNode(int id, String host, int port, String rack) {
    }

    public boolean hasBroker(int id) {
        return brokers.stream().anyMatch(b -> b.id() == id);
    }
}
