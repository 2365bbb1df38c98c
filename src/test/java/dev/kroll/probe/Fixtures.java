package dev.kroll.probe;

import dev.kroll.inventory.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Plain snapshot values for the pure-logic tests: a 3-server ensemble and 3 brokers, all healthy. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");

    private Fixtures() {
    }

    static ZkServerStats stats(ZkMode mode) {
        return new ZkServerStats(mode, "3.8.4", 0x100000002L, 0L, 0.5, 12L, 0L, 3L, 42L,
                mode == ZkMode.LEADER ? 2 : null, mode == ZkMode.LEADER ? 2 : null, ZkServerStats.Via.FOUR_LETTER_WORDS);
    }

    static ZkServerSnapshot zkUp(String host, ZkMode mode) {
        return new ZkServerSnapshot(host, "127.0.0.1", 2181, Reading.ok(stats(mode), T0), List.of());
    }

    static ZkServerSnapshot zkDown(String host) {
        return new ZkServerSnapshot(host, "127.0.0.1", 2181, Reading.unreachable("connection refused"), List.of());
    }

    static ZooKeeperSnapshot ensemble(ZkServerSnapshot... servers) {
        List<ZkServerSnapshot> list = List.of(servers);
        return new ZooKeeperSnapshot(list, Quorum.summarize(list), new ZkSessionState("CONNECTED", T0));
    }

    static ZooKeeperSnapshot healthyEnsemble() {
        return ensemble(zkUp("zk1", ZkMode.FOLLOWER), zkUp("zk2", ZkMode.LEADER), zkUp("zk3", ZkMode.FOLLOWER));
    }

    static PartitionIssue partition(String topic, int p, Integer leader, List<Integer> replicas, List<Integer> isr) {
        return new PartitionIssue(topic, p, leader, replicas, isr, 2);
    }

    /** Three brokers 1..3 on kafka1..3, all alive and registered, with the given partition states. */
    static KafkaSnapshot kafka(List<Integer> alive, List<PartitionIssue> partitions) {
        List<KafkaCluster.BrokerNode> nodes = new ArrayList<>();
        List<BrokerRegistration> regs = new ArrayList<>();
        for (int id : alive) {
            nodes.add(new KafkaCluster.BrokerNode(id, "kafka" + id, 9092, null));
            regs.add(new BrokerRegistration(id, "kafka" + id, 9092, List.of("PLAINTEXT://kafka" + id + ":9092"), null, T0));
        }
        KafkaCluster cluster = new KafkaCluster("c1", alive.isEmpty() ? null : alive.get(0), nodes,
                PartitionHealth.of(1, partitions.size(), partitions));
        return new KafkaSnapshot(List.of("kafka1", "kafka2", "kafka3"),
                List.of(new KafkaSnapshot.HostBroker("kafka1", 1), new KafkaSnapshot.HostBroker("kafka2", 2),
                        new KafkaSnapshot.HostBroker("kafka3", 3)),
                Reading.ok(cluster, T0), Reading.ok(new Registrations(cluster.controller(), regs), T0), List.of());
    }

    static List<PartitionIssue> healthyPartitions() {
        return List.of(partition("orders", 0, 1, List.of(1, 2, 3), List.of(1, 2, 3)),
                partition("orders", 1, 2, List.of(2, 3, 1), List.of(2, 3, 1)));
    }

    static BrokerMetrics metrics(long messagesIn, long bytesIn) {
        return new BrokerMetrics(BrokerMetrics.RUNNING, 0, 0, 0, 0, new MeterReading(messagesIn, 0),
                new MeterReading(bytesIn, 0), MeterReading.NONE, MeterReading.NONE, MeterReading.NONE,
                0.95, 0.97, 3.0, 500.0, 100L << 20, 256L << 20, 120, 10);
    }

    static ClusterSnapshot snapshot(ZooKeeperSnapshot zk, KafkaSnapshot kafka) {
        return new ClusterSnapshot("test", T0, zk, kafka, List.of(), List.of(
                new ProcessSnapshot("kafka1", Role.KAFKA, Reading.ok(new ProcessState(true, "active", 100L, T0), T0))), List.of());
    }

    static ClusterSnapshot healthy() {
        return snapshot(healthyEnsemble(), kafka(List.of(1, 2, 3), healthyPartitions()));
    }
}
