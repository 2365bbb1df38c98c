package dev.kroll.rollout.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerGatesTest {

    private static final java.util.Map<Integer, String> B = Views.BROKERS;

    @Test
    void aHealthyClusterLetsABrokerStop() {
        GateDecision d = BrokerGates.beforeStop(Views.healthy().view(), B, 2, false);
        assertInstanceOf(GateDecision.Pass.class, d);
        assertTrue(d.text().contains("every ISR keeps min.insync.replicas without broker 2"), d.text());
    }

    @Test
    void aBrokerThatIsNotRegisteredBlocksStoppingAnotherAndIsNamed() {
        GateDecision d = BrokerGates.beforeStop(Views.healthy().brokerDown(3).view(), B, 2, false);
        assertInstanceOf(GateDecision.Wait.class, d);
        assertTrue(d.text().startsWith("broker 3 (kafka3) is not registered"), d.text());
    }

    @Test
    void noActiveControllerMakesTheGateWait() {
        GateDecision d = BrokerGates.beforeStop(Views.healthy().noController().view(), B, 2, false);
        assertEquals(GateDecision.waitFor("no active controller"), d);
    }

    @Test
    void underReplicatedPartitionsAreNamedByTopicAndMissingBroker() {
        // broker 3 is not a replica of 'audit': stopping it drops no ISR below its minimum, the URP still holds it back
        Views v = Views.healthy();
        v.partition("audit", 0, List.of(1, 2), List.of(1), 1, 1).partition("audit", 1, List.of(1, 2), List.of(1), 1, 1);
        GateDecision d = BrokerGates.beforeStop(v.view(), B, 3, false);
        assertEquals(GateDecision.waitFor("2 under-replicated partitions on topic audit, broker 2 not yet in ISR"), d);
    }

    @Test
    void stoppingABrokerThatIsTheLastSpareIsrMemberIsRefusedWhileItIs() {
        // broker 2 restarted and still catching up: ISR {1,3} of {1,2,3}, min.insync.replicas 2 — stopping 3 leaves {1}
        Views v = Views.healthy().brokerDown(2).brokerBackOutOfSync(2, BrokerHealth.RUNNING);
        GateDecision d = BrokerGates.beforeStop(v.view(), B, 3, false);
        assertEquals(GateDecision.waitFor("stopping broker 3 (kafka3) would leave 4 partitions below min.insync.replicas: orders-0, orders-1,"
                + " orders-2 and 1 more (orders-0 would keep 1 in-sync of 3 replicas, needs 2); it is a last spare in-sync replica until"
                + " broker 2 is back in the ISR"), d);
        // not a pass however long it lasts; before a run has changed anything the engine turns this wait into a refusal (exit 3)
        assertEquals(false, d.passed());
        // once broker 2 is back in every ISR, broker 3 may stop
        for (int p = 0; p < 4; p++) {
            v.inSync(2, "orders", p);
        }
        assertInstanceOf(GateDecision.Pass.class, BrokerGates.beforeStop(v.view(), B, 3, false));
    }

    @Test
    void aPerTopicMinInsyncReplicasOverrideCountsForThatTopicOnly() {
        // 'orders' has min.insync.replicas 2 (the default here); 'payments' overrides it to 3 on RF 4, ISR {1,2,3} of {1,2,3,4}
        Views v = Views.healthy().partition("payments", 0, List.of(1, 2, 3, 4), List.of(1, 2, 3), 1, 3);
        GateDecision d = BrokerGates.beforeStop(v.view(), B, 1, false);
        assertInstanceOf(GateDecision.Wait.class, d);
        assertTrue(d.text().startsWith("stopping broker 1 (kafka1) would leave 1 partition below min.insync.replicas: payments-0"
                + " (payments-0 would keep 2 in-sync of 4 replicas, needs 3)"), d.text());
        // the same ISR under the default minimum of 2 would not stand in the way of broker 1 (only the URP would)
        Views lenient = Views.healthy().partition("payments", 0, List.of(1, 2, 3, 4), List.of(1, 2, 3), 1, 2);
        assertTrue(BrokerGates.beforeStop(lenient.view(), B, 1, false).text().startsWith("1 under-replicated partition on topic payments"));
        // and a broker that is no replica of 'payments' is not held back by its override
        assertTrue(BrokerGates.beforeStop(v.view(), Views.BROKERS, 3, false).text().startsWith("stopping broker 3"));
    }

    @Test
    void underReplicationOnSeveralTopicsCountsEachTopic() {
        // min.insync.replicas 1 on payments: stopping broker 1 drops no ISR below its minimum, the URP holds it back
        Views v = Views.healthy().partition("payments", 0, List.of(1, 2, 3), List.of(1, 3), 1, 1)
                .partition("payments", 1, List.of(1, 2, 3), List.of(1, 2), 1, 1);
        GateDecision d = BrokerGates.beforeStop(v.view(), B, 1, false);
        assertEquals(GateDecision.waitFor("2 under-replicated partitions on topic payments, brokers 2, 3 not yet in ISR"), d);
        v.partition("orders", 9, List.of(1, 2, 3), List.of(2, 3), 2, 2);
        assertTrue(BrokerGates.beforeStop(v.view(), B, 1, false).text()
                .startsWith("3 under-replicated partitions on topics payments (2), orders (1)"));
    }

    @Test
    void anOfflinePartitionMakesTheGateWaitAndIsNamed() {
        Views v = Views.healthy().partition("audit", 0, List.of(3), List.of(), -1, 1);
        GateDecision d = BrokerGates.beforeStop(v.view(), B, 1, false);
        assertEquals(GateDecision.waitFor("1 offline partition: audit-0"), d);
    }

    @Test
    void aPartitionUnderMinIsrMakesTheGateWait() {
        // ISR smaller than min.insync.replicas with every replica assigned in sync: RF 2, min ISR 3
        Views v = Views.healthy().partition("odd", 0, List.of(1, 2), List.of(1, 2), 1, 3);
        GateDecision d = BrokerGates.beforeStop(v.view(), B, 3, false);
        assertEquals(GateDecision.waitFor("1 partition under min.insync.replicas: odd-0"), d);
    }

    @Test
    void aTopicWithReplicationFactorEqualToMinIsrIsRefusedNotWaitedFor() {
        Views v = Views.healthy().partition("ledger", 0, List.of(1, 2), List.of(1, 2), 1, 2);
        GateDecision d = BrokerGates.beforeStop(v.view(), B, 2, false);
        assertInstanceOf(GateDecision.Refuse.class, d);
        assertTrue(d.text().contains("ledger-0 (replication factor 2, min.insync.replicas 2)"), d.text());
        assertTrue(d.text().contains("acks=all producers fail"), d.text());
        // the same topic does not stand in the way of a broker that holds none of its replicas
        assertInstanceOf(GateDecision.Pass.class, BrokerGates.beforeStop(v.view(), B, 3, false));
    }

    @Test
    void aSingleReplicaPartitionRefusesStoppingItsBroker() {
        Views v = Views.healthy().partition("scratch", 0, List.of(2), List.of(2), 2, 1);
        GateDecision d = BrokerGates.beforeStop(v.view(), B, 2, false);
        assertInstanceOf(GateDecision.Refuse.class, d);
        assertTrue(d.text().contains("would make it unavailable"), d.text());
    }

    @Test
    void readyToRollRefusesAFragileTopicOnAnyBroker() {
        Views v = Views.healthy().partition("ledger", 0, List.of(1, 2), List.of(1, 2), 1, 2);
        assertInstanceOf(GateDecision.Refuse.class, BrokerGates.readyToRoll(v.view(), B));
        assertInstanceOf(GateDecision.Pass.class, BrokerGates.readyToRoll(Views.healthy().view(), B));
        assertInstanceOf(GateDecision.Wait.class, BrokerGates.readyToRoll(Views.healthy().brokerDown(1).view(), B));
    }

    @Test
    void aBrokerAlreadyDownFromAnInterruptedRollMayContinueButOnlyThen() {
        ClusterView v = Views.healthy().brokerDown(2).view();
        assertInstanceOf(GateDecision.Pass.class, BrokerGates.beforeStop(v, B, 2, true));
        assertInstanceOf(GateDecision.Wait.class, BrokerGates.beforeStop(v, B, 2, false));
        // another broker down is not excused by an interruption on this one
        assertInstanceOf(GateDecision.Wait.class, BrokerGates.beforeStop(v, B, 3, true));
    }

    @Test
    void anUnreadableClusterMakesEveryBrokerGateWaitWithTheCause() {
        ClusterView v = Views.healthy().kafkaError("AdminClient timed out after 5s").view();
        assertEquals(GateDecision.waitFor("cannot read the Kafka cluster: AdminClient timed out after 5s"), BrokerGates.beforeStop(v, B, 1, false));
        assertEquals(GateDecision.waitFor("cannot read the Kafka cluster: AdminClient timed out after 5s"), BrokerGates.afterStart(v, B, 1));
        assertTrue(!BrokerGates.recovery(v, 1).known());
    }

    @Test
    void afterStartWaitsForRegistrationThenRunningThenIsrThenClusterUrp() {
        Views v = Views.healthy().brokerDown(2);
        assertEquals(GateDecision.waitFor("broker 2 (kafka2) is not registered yet"), BrokerGates.afterStart(v.view(), B, 2));

        v.brokerBackOutOfSync(2, 2);
        assertEquals(GateDecision.waitFor("broker 2 (kafka2) is RECOVERY (loading its logs)"),
                BrokerGates.afterStart(v.view(), B, 2));

        v.brokerBackOutOfSync(2, BrokerHealth.RUNNING);
        assertEquals(GateDecision.waitFor("broker 2 not yet in ISR of 4 partitions: orders-0, orders-1, orders-2 and 1 more"),
                BrokerGates.afterStart(v.view(), B, 2));

        v.inSync(2, "orders", 0).inSync(2, "orders", 1).inSync(2, "orders", 2).inSync(2, "orders", 3)
                .partition("other", 0, List.of(1, 3), List.of(1), 1, 1);
        assertEquals(GateDecision.waitFor("1 under-replicated partition on topic other, broker 3 not yet in ISR"),
                BrokerGates.afterStart(v.view(), B, 2));
    }

    @Test
    void afterStartPassesWhenTheBrokerIsBackInEveryIsr() {
        Views v = Views.healthy().brokerDown(2).brokerBackOutOfSync(2, BrokerHealth.RUNNING);
        for (int p = 0; p < 4; p++) {
            v.inSync(2, "orders", p);
        }
        GateDecision d = BrokerGates.afterStart(v.view(), B, 2);
        assertEquals(GateDecision.pass("broker 2 (kafka2) RUNNING and in every ISR; no under-replicated partitions"), d);
    }

    @Test
    void theRecoveryMeasureShrinksAsTheBrokerRejoins() {
        Views v = Views.healthy().brokerDown(2);
        RecoveryMeasure down = BrokerGates.recovery(v.view(), 2);
        v.brokerBackOutOfSync(2, BrokerHealth.RUNNING);
        RecoveryMeasure back = BrokerGates.recovery(v.view(), 2);
        v.inSync(2, "orders", 0);
        RecoveryMeasure oneInSync = BrokerGates.recovery(v.view(), 2);
        assertEquals(List.of(1L, 1L, 0L, 4L, 4L, 0L), down.components());
        assertEquals(List.of(0L, 0L, 0L, 4L, 4L, 100L), back.components());
        assertEquals(List.of(0L, 0L, 0L, 3L, 3L, 100L), oneInSync.components());
    }

    @Test
    void allRegisteredWaitsForEveryPlannedBrokerAndTheController() {
        assertEquals(GateDecision.waitFor("broker 1 (kafka1), broker 3 (kafka3) are not registered"),
                BrokerGates.allRegistered(Views.healthy().brokerDown(1).brokerDown(3).view(), B));
        assertEquals(GateDecision.waitFor("no active controller"), BrokerGates.allRegistered(Views.healthy().noController().view(), B));
        assertInstanceOf(GateDecision.Pass.class, BrokerGates.allRegistered(Views.healthy().view(), B));
    }
}
