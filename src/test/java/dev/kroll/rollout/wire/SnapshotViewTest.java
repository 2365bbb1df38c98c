package dev.kroll.rollout.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kroll.probe.BrokerMetrics;
import dev.kroll.probe.BrokerRegistration;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.Freshness;
import dev.kroll.probe.JmxSnapshot;
import dev.kroll.probe.KafkaCluster;
import dev.kroll.probe.KafkaSnapshot;
import dev.kroll.probe.MeterReading;
import dev.kroll.probe.PartitionHealth;
import dev.kroll.probe.PartitionIssue;
import dev.kroll.probe.Quorum;
import dev.kroll.probe.Reading;
import dev.kroll.probe.Registrations;
import dev.kroll.probe.ZkMode;
import dev.kroll.probe.ZkServerSnapshot;
import dev.kroll.probe.ZkServerStats;
import dev.kroll.probe.ZkSessionState;
import dev.kroll.probe.ZooKeeperSnapshot;
import dev.kroll.rollout.gate.BrokerGates;
import dev.kroll.rollout.gate.ClusterView;
import dev.kroll.rollout.gate.GateDecision;
import dev.kroll.rollout.gate.PartitionState;
import dev.kroll.rollout.gate.ZkMember;
import dev.kroll.rollout.gate.ZookeeperGates;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The probes' snapshots as the gates see them, built by hand. */
class SnapshotViewTest {

    private static final Instant T = Instant.parse("2025-05-01T10:00:00Z");
    private static final Map<String, Integer> MYIDS = Map.of("kafka1", 1, "kafka2", 2, "kafka3", 3);
    private static final Map<Integer, String> BROKERS = Map.of(1, "kafka1", 2, "kafka2", 3, "kafka3");

    private static ZkServerSnapshot zk(String host, ZkMode mode, Integer followers, Integer synced) {
        ZkServerStats st = new ZkServerStats(mode, "3.8.4", 1L, 0L, 0.1, 1L, 0L, 3L, 40L, followers, synced, ZkServerStats.Via.FOUR_LETTER_WORDS);
        return new ZkServerSnapshot(host, "127.0.0.1", 2181, Reading.ok(st, T), List.of());
    }

    private static ZkServerSnapshot zkDown(String host) {
        return new ZkServerSnapshot(host, "127.0.0.1", 2181, Reading.unreachable("connection refused"), List.of());
    }

    private static ZooKeeperSnapshot ensemble(ZkServerSnapshot... s) {
        return new ZooKeeperSnapshot(List.of(s), Quorum.summarize(List.of(s)), new ZkSessionState("CONNECTED", T));
    }

    private static BrokerMetrics metrics(int state) {
        MeterReading m = MeterReading.NONE;
        return new BrokerMetrics(state, 0, 0, 0, 0, m, m, m, m, m, 1, 1, 1, 1, 1, 2, 0, 0);
    }

    private static JmxSnapshot jmx(int id, Reading<BrokerMetrics> m) {
        return new JmxSnapshot("kafka" + id, id, "ssh tunnel", m);
    }

    private static BrokerRegistration reg(int id) {
        return new BrokerRegistration(id, "kafka" + id, 9092, List.of("PLAINTEXT://kafka" + id + ":9092"), null, T);
    }

    private static ClusterSnapshot snapshot(Reading<KafkaCluster> cluster, Reading<Registrations> regs, List<JmxSnapshot> jmx, ZooKeeperSnapshot zk) {
        KafkaSnapshot k = new KafkaSnapshot(List.of("kafka1", "kafka2", "kafka3"),
                List.of(new KafkaSnapshot.HostBroker("kafka1", 1), new KafkaSnapshot.HostBroker("kafka2", 2), new KafkaSnapshot.HostBroker("kafka3", 3)),
                cluster, regs, List.of());
        return new ClusterSnapshot("local", T, zk, k, jmx, List.of(), List.of());
    }

    private static KafkaCluster cluster(Integer controller, List<PartitionIssue> issues, int... alive) {
        List<KafkaCluster.BrokerNode> nodes = Arrays.stream(alive).mapToObj(i -> new KafkaCluster.BrokerNode(i, "kafka" + i, 9092, null)).toList();
        return new KafkaCluster("cid", controller, nodes, PartitionHealth.of(1, 6, issues));
    }

    @Test
    void aBrokerDownShowsAsUnregisteredWithItsPartitionsOutOfTheIsr() {
        PartitionIssue p0 = new PartitionIssue("orders", 0, 1, List.of(1, 2, 3), List.of(1, 3), 2);
        ClusterSnapshot s = snapshot(Reading.ok(cluster(1, List.of(p0), 1, 3), T), Reading.ok(new Registrations(1, List.of(reg(1), reg(3))), T),
                List.of(jmx(1, Reading.ok(metrics(3), T)), jmx(2, Reading.unreachable("tunnel refused")), jmx(3, Reading.ok(metrics(3), T))),
                ensemble(zk("kafka1", ZkMode.FOLLOWER, null, null), zk("kafka2", ZkMode.LEADER, 2, 2), zk("kafka3", ZkMode.FOLLOWER, null, null)));

        ClusterView v = SnapshotView.of(s, MYIDS, List.of(new PartitionState("orders", 0, List.of(1, 2, 3), List.of(1, 3), 1, 2)));

        assertEquals(Set.of(1, 3), v.registeredBrokers());
        assertEquals(OptionalInt.of(1), v.controller());
        assertEquals(List.of(new PartitionState("orders", 0, List.of(1, 2, 3), List.of(1, 3), 1, 2)), v.partitions());
        assertEquals(Set.of(1, 3), v.brokers().keySet());
        assertEquals(GateDecision.waitFor("broker 2 (kafka2) is not registered yet"), BrokerGates.afterStart(v, BROKERS, 2));
        assertEquals(GateDecision.waitFor("broker 2 (kafka2) is not registered"), BrokerGates.beforeStop(v, BROKERS, 3, false));
        assertNull(v.kafkaError());
    }

    @Test
    void theLeadersSyncedFollowersAndDownMembersReachTheZookeeperGates() {
        ClusterSnapshot s = snapshot(Reading.ok(cluster(1, List.of(), 1, 2, 3), T), Reading.ok(new Registrations(1, List.of(reg(1), reg(2), reg(3))), T),
                List.of(), ensemble(zkDown("kafka1"), zk("kafka2", ZkMode.LEADER, 1, 1), zk("kafka3", ZkMode.FOLLOWER, null, null)));

        ClusterView v = SnapshotView.of(s, MYIDS, List.of());

        assertEquals(List.of(ZkMember.down(1, "kafka1"), ZkMember.leader(2, "kafka2", 1, 1), ZkMember.follower(3, "kafka3")), v.zookeeper());
        assertEquals(GateDecision.waitFor("stopping ZooKeeper kafka3 (myid 3) would leave 1 of 3 servers up, below the quorum of 2;"
                + " not serving: kafka1 (myid 1)"), ZookeeperGates.beforeStop(v, 3, false));
        // JMX not read at all: registered brokers are taken as running, the ISR decides
        assertInstanceOf(GateDecision.Pass.class, BrokerGates.afterStart(v, BROKERS, 2));
    }

    @Test
    void staleReadingsAreNotTrustedByAnyGate() {
        Freshness stale = new Freshness(Freshness.Status.STALE, T.minusSeconds(30), "read timed out after 2s");
        ClusterSnapshot s = snapshot(new Reading<>(cluster(1, List.of(), 1, 2, 3), stale), new Reading<>(new Registrations(1, List.of(reg(1), reg(2), reg(3))), stale),
                List.of(jmx(2, new Reading<>(metrics(3), stale))),
                ensemble(zkDown("kafka1"), zkDown("kafka2"), zkDown("kafka3")));

        ClusterView v = SnapshotView.of(s, MYIDS, List.of());

        assertEquals("the AdminClient got no answer: read timed out after 2s", v.kafkaError());
        assertEquals(Set.of(), v.registeredBrokers());
        assertEquals("no ZooKeeper server answered: connection refused", v.zookeeperError());
        assertEquals(GateDecision.waitFor("cannot read the Kafka cluster: the AdminClient got no answer: read timed out after 2s"),
                BrokerGates.beforeStop(v, BROKERS, 1, false));
    }

    @Test
    void theGatesDecideOnEveryPartitionWithItsTopicsOwnMinimumNotOnTheProbesUnhealthyList() {
        // the probe reports nothing unhealthy; kroll's own read has every partition, 'ledger' with a per-topic
        // min.insync.replicas of 3 on RF 3 (no broker can stop), 'orders' on the broker default of 2
        ClusterSnapshot s = snapshot(Reading.ok(cluster(1, List.of(), 1, 2, 3), T), Reading.ok(new Registrations(1, List.of(reg(1), reg(2), reg(3))), T),
                List.of(), ensemble(zk("kafka1", ZkMode.LEADER, 2, 2), zk("kafka2", ZkMode.FOLLOWER, null, null), zk("kafka3", ZkMode.FOLLOWER, null, null)));
        PartitionState orders = new PartitionState("orders", 0, List.of(1, 2, 3), List.of(1, 2, 3), 1, 2);
        PartitionState ledger = new PartitionState("ledger", 0, List.of(1, 2, 3), List.of(1, 2, 3), 2, 3);

        assertInstanceOf(GateDecision.Pass.class, BrokerGates.beforeStop(SnapshotView.of(s, MYIDS, List.of(orders)), BROKERS, 2, false));
        GateDecision d = BrokerGates.beforeStop(SnapshotView.of(s, MYIDS, List.of(orders, ledger)), BROKERS, 2, false);
        assertInstanceOf(GateDecision.Refuse.class, d);
        assertEquals(true, d.text().startsWith("1 partition cannot lose a replica: ledger-0 (replication factor 3, min.insync.replicas 3)"), d.text());
        // without the partition read no broker gate passes: there is no falling back to the unhealthy list
        assertEquals(GateDecision.waitFor("cannot read the Kafka cluster: cannot list partitions: timed out"),
                BrokerGates.beforeStop(SnapshotView.withoutPartitions(s, MYIDS, "cannot list partitions: timed out"), BROKERS, 2, false));
        assertThrows(NullPointerException.class, () -> SnapshotView.of(s, MYIDS, null));
    }

    @Test
    void withItsOwnPartitionReadTheRegistrationsSufficeWhenTheProbesAdminClientIsOnAClosedListener() {
        ClusterSnapshot s = snapshot(Reading.unreachable("connection refused (PLAINTEXT closed)"),
                Reading.ok(new Registrations(2, List.of(reg(1), reg(2), reg(3))), T), List.of(),
                ensemble(zk("kafka1", ZkMode.LEADER, 2, 2), zk("kafka2", ZkMode.FOLLOWER, null, null), zk("kafka3", ZkMode.FOLLOWER, null, null)));
        List<PartitionState> all = List.of(new PartitionState("orders", 0, List.of(1, 2, 3), List.of(1, 2, 3), 1, 2));
        ClusterView v = SnapshotView.of(s, MYIDS, all);
        assertNull(v.kafkaError());
        assertEquals(OptionalInt.of(2), v.controller());
        assertInstanceOf(GateDecision.Pass.class, BrokerGates.beforeStop(v, BROKERS, 3, false));
        assertEquals("cannot list partitions: connection refused", SnapshotView.withoutPartitions(s, MYIDS, "cannot list partitions: connection refused").kafkaError());
    }
}
