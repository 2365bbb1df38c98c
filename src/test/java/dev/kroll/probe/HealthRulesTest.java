package dev.kroll.probe;

import static dev.kroll.probe.Fixtures.T0;
import static dev.kroll.probe.Fixtures.ensemble;
import static dev.kroll.probe.Fixtures.healthyPartitions;
import static dev.kroll.probe.Fixtures.kafka;
import static dev.kroll.probe.Fixtures.partition;
import static dev.kroll.probe.Fixtures.snapshot;
import static dev.kroll.probe.Fixtures.zkDown;
import static dev.kroll.probe.Fixtures.zkUp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Role;
import dev.kroll.probe.HealthVerdict.Level;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthRulesTest {

    @Test
    void aClusterWithEverythingUpIsHealthyWithNoReasons() {
        HealthVerdict v = HealthRules.judge(Fixtures.healthy());
        assertEquals(Level.HEALTHY, v.level());
        assertEquals(List.of(), v.reasons());
        assertEquals("healthy", v.headline());
    }

    @Test
    void oneZooKeeperFollowerDownIsDegradedAndNamesItWithTheQuorumKept() {
        ClusterSnapshot s = snapshot(ensemble(zkUp("zk1", ZkMode.FOLLOWER), zkUp("zk2", ZkMode.LEADER), zkDown("zk3")),
                kafka(List.of(1, 2, 3), healthyPartitions()));
        HealthVerdict v = HealthRules.judge(s);
        assertEquals(Level.DEGRADED, v.level());
        assertEquals(List.of("ZooKeeper zk3 down (connection refused); quorum kept (2 of 3), one more failure loses it"), v.reasons());
    }

    @Test
    void twoOfThreeZooKeeperServersDownIsCriticalWithoutQuorum() {
        ZkServerSnapshot lonely = new ZkServerSnapshot("zk1", "127.0.0.1", 2181,
                Reading.ok(ZkServerStats.notServing(ZkServerStats.Via.FOUR_LETTER_WORDS), T0), List.of());
        ZooKeeperSnapshot zk = ensemble(lonely, zkDown("zk2"), zkDown("zk3"));
        assertEquals(false, zk.quorum().hasQuorum());
        HealthVerdict v = HealthRules.judge(snapshot(zk, kafka(List.of(1, 2, 3), healthyPartitions())));
        assertEquals(Level.CRITICAL, v.level());
        assertEquals("ZooKeeper has no quorum: 0 of 3 serving, 2 needed; zk1 up but not serving (no quorum it can join), "
                + "zk2 down (connection refused) and zk3 down (connection refused)", v.reasons().get(0));
    }

    @Test
    void underReplicatedPartitionsAreGroupedByTopicAndNameTheBrokerOutOfTheIsr() {
        List<PartitionIssue> parts = List.of(
                partition("orders", 0, 1, List.of(1, 2, 3), List.of(1, 3)),
                partition("orders", 1, 3, List.of(2, 3, 1), List.of(3, 1)),
                partition("orders", 2, 1, List.of(1, 2, 3), List.of(1, 2, 3)),
                partition("payments", 0, 1, List.of(2, 1, 3), List.of(1, 3)));
        HealthVerdict v = HealthRules.judge(snapshot(Fixtures.healthyEnsemble(), kafka(List.of(1, 3), parts)));
        assertEquals(Level.DEGRADED, v.level());
        assertTrue(v.reasons().contains("2 under-replicated partitions on topic orders (orders-0, orders-1); broker 2 (kafka2) not in ISR"),
                v.reasons().toString());
        assertTrue(v.reasons().contains("1 under-replicated partition on topic payments (payments-0); broker 2 (kafka2) not in ISR"));
        assertTrue(v.reasons().contains("broker 2 (kafka2) down: not registered in ZooKeeper (/brokers/ids)"));
    }

    @Test
    void offlineAndBelowMinIsrPartitionsAreCritical() {
        List<PartitionIssue> parts = List.of(
                partition("orders", 0, null, List.of(2), List.of()),
                partition("orders", 1, 1, List.of(1, 2, 3), List.of(1)));
        HealthVerdict v = HealthRules.judge(snapshot(Fixtures.healthyEnsemble(), kafka(List.of(1, 3), parts)));
        assertEquals(Level.CRITICAL, v.level());
        assertEquals("1 offline partition (no leader): orders-0", v.reasons().get(0));
        assertEquals("2 partitions below min.insync.replicas, acks=all producers fail: orders-0, orders-1", v.reasons().get(1));
    }

    @Test
    void manyPartitionNamesAreCutAfterFive() {
        List<PartitionIssue> parts = new java.util.ArrayList<>();
        for (int p = 0; p < 8; p++) {
            parts.add(partition("__consumer_offsets", p, 1, List.of(1, 2, 3), List.of(1, 3)));
        }
        String r = HealthRules.judge(snapshot(Fixtures.healthyEnsemble(), kafka(List.of(1, 2, 3), parts))).reasons().get(0);
        assertEquals("8 under-replicated partitions on topic __consumer_offsets (__consumer_offsets-0, __consumer_offsets-1, "
                + "__consumer_offsets-2, __consumer_offsets-3, __consumer_offsets-4 … (+3 more)); broker 2 (kafka2) not in ISR", r);
    }

    @Test
    void kafkaNotAnsweringIsCriticalAndSaysWhy() {
        KafkaSnapshot k = kafka(List.of(1, 2, 3), healthyPartitions());
        KafkaSnapshot dead = new KafkaSnapshot(k.expectedBrokers(), k.brokerHosts(),
                Reading.failed(k.cluster(), T0.plusSeconds(5), "timed out after 2s"), k.registrations(), List.of());
        HealthVerdict v = HealthRules.judge(snapshot(Fixtures.healthyEnsemble(), dead));
        assertEquals(Level.CRITICAL, v.level());
        assertEquals("Kafka not answering: timed out after 2s", v.reasons().get(0));
    }

    @Test
    void anInactiveServiceDegradesAndAnUnreadableOneIsOnlyANote() {
        ClusterSnapshot base = Fixtures.healthy();
        ClusterSnapshot s = new ClusterSnapshot("t", T0, base.zookeeper(), base.kafka(), List.of(), List.of(
                new ProcessSnapshot("zk3", Role.ZOOKEEPER, Reading.ok(new ProcessState(false, "inactive", null, null), T0)),
                new ProcessSnapshot("kafka1", Role.KAFKA, Reading.unreachable("ssh: connection refused"))), List.of());
        HealthVerdict v = HealthRules.judge(s);
        assertEquals(Level.DEGRADED, v.level());
        assertEquals(List.of("zookeeper service inactive on zk3"), v.reasons());
        assertEquals(List.of("cannot read kafka service state on kafka1: ssh: connection refused"), v.notes());
    }

    @Test
    void certificatesCloseToExpiryDegradeAndExpiredOnesAreCritical() {
        ClusterSnapshot base = Fixtures.healthy();
        Instant exp = T0.plusSeconds(86400L * 12);
        ClusterSnapshot s = new ClusterSnapshot("t", T0, base.zookeeper(), base.kafka(), List.of(), List.of(), List.of(
                new CertificateSnapshot("kafka1", "kafka1:9093", Reading.ok(new CertificateInfo("CN=kafka1", "CN=ca", exp, 12, true, null), T0)),
                new CertificateSnapshot("kafka2", "kafka2:9093", Reading.ok(new CertificateInfo("CN=kafka2", "CN=ca", T0, -3, true, null), T0)),
                new CertificateSnapshot("kafka3", "kafka3:9093", Reading.unreachable("connection refused"))));
        HealthVerdict v = HealthRules.judge(s);
        assertEquals(Level.CRITICAL, v.level());
        assertEquals(List.of("certificate of kafka2 expired 3 days ago", "certificate of kafka1 expires in 12 days"), v.reasons());
    }

    @Test
    void twoBrokersClaimingTheControllerIsCriticalAndABusyBrokerDegrades() {
        ClusterSnapshot base = Fixtures.healthy();
        BrokerMetrics normal = Fixtures.metrics(0, 0);
        BrokerMetrics controllerBusy = new BrokerMetrics(3, 0, 0, 1, 0, MeterReading.NONE, MeterReading.NONE, MeterReading.NONE,
                MeterReading.NONE, MeterReading.NONE, 0.1, 0.9, 1, 1, 1, 2, 0, 0);
        BrokerMetrics controller = new BrokerMetrics(3, 0, 0, 1, 0, MeterReading.NONE, MeterReading.NONE, MeterReading.NONE,
                MeterReading.NONE, MeterReading.NONE, 0.9, 0.9, 1, 1, 1, 2, 0, 0);
        ClusterSnapshot s = new ClusterSnapshot("t", T0, base.zookeeper(), base.kafka(), List.of(
                new JmxSnapshot("kafka1", 1, "direct", Reading.ok(controllerBusy, T0)),
                new JmxSnapshot("kafka2", 2, "direct", Reading.ok(normal, T0)),
                new JmxSnapshot("kafka3", 3, "direct", Reading.ok(controller, T0))), List.of(), List.of());
        HealthVerdict v = HealthRules.judge(s);
        assertEquals(Level.CRITICAL, v.level());
        assertEquals(List.of("2 brokers act as controller: broker 1 (kafka1) and broker 3 (kafka3)",
                "broker 1 (kafka1) request handlers 90% busy"), v.reasons());
    }

    @Test
    void jmxSilenceOfALiveBrokerDegradesButOfADeadOneIsOnlyANote() {
        ClusterSnapshot base = snapshot(Fixtures.healthyEnsemble(), kafka(List.of(1, 2), healthyPartitions()));
        ClusterSnapshot s = new ClusterSnapshot("t", T0, base.zookeeper(), base.kafka(), List.of(
                new JmxSnapshot("kafka1", 1, "direct", Reading.unreachable("connection refused")),
                new JmxSnapshot("kafka3", 3, "direct", Reading.unreachable("connection refused"))), List.of(), List.of());
        HealthVerdict v = HealthRules.judge(s);
        assertTrue(v.reasons().contains("JMX of broker 1 (kafka1) unreachable: connection refused"), v.reasons().toString());
        assertTrue(v.notes().contains("JMX of broker 3 (kafka3) unreachable: connection refused"), v.notes().toString());
    }
}
