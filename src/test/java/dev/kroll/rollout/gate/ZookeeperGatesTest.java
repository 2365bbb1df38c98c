package dev.kroll.rollout.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.rollout.gate.ZkMember.ZkMode;
import org.junit.jupiter.api.Test;

class ZookeeperGatesTest {

    @Test
    void aFollowerMayStopWhenTheOthersKeepQuorumAndEveryFollowerIsSynced() {
        GateDecision d = ZookeeperGates.beforeStop(Views.healthy().view(), 1, false);
        assertEquals(GateDecision.pass("2 of 3 servers keep the quorum without zk1 (myid 1); leader zk2 (myid 2) reports 2/2 followers synced"), d);
    }

    @Test
    void aSecondMemberDownBlocksStoppingAnother() {
        ClusterView v = Views.healthy().zk(ZkMember.follower(1, "zk1"), ZkMember.leader(2, "zk2", 1, 1), ZkMember.down(3, "zk3")).view();
        GateDecision d = ZookeeperGates.beforeStop(v, 1, false);
        assertEquals(GateDecision.waitFor("stopping ZooKeeper zk1 (myid 1) would leave 1 of 3 servers up, below the quorum of 2; not serving: zk3 (myid 3)"), d);
    }

    @Test
    void aLeaderThatReportsAFollowerNotSyncedMakesTheGateWait() {
        ClusterView v = Views.healthy().zk(ZkMember.follower(1, "zk1"), ZkMember.leader(2, "zk2", 2, 1), ZkMember.follower(3, "zk3")).view();
        assertEquals(GateDecision.waitFor("the ZooKeeper leader zk2 (myid 2) reports 1 of 2 followers synced"), ZookeeperGates.beforeStop(v, 3, false));
    }

    @Test
    void noLeaderMakesTheGateWait() {
        ClusterView v = Views.healthy().zk(ZkMember.follower(1, "zk1"), ZkMember.follower(2, "zk2"), ZkMember.follower(3, "zk3")).view();
        assertEquals(GateDecision.waitFor("ZooKeeper has no leader (an election may be in progress)"), ZookeeperGates.beforeStop(v, 3, false));
    }

    @Test
    void aSingleStandaloneServerIsAHealthyEnsembleWithoutALeader() {
        ClusterView one = Views.healthy().zk(new ZkMember(1, "zk1", ZkMode.STANDALONE, null, null)).view();
        assertEquals(GateDecision.pass("ZooKeeper quorum of 1: standalone server zk1 (myid 1) (no followers)"), ZookeeperGates.ensembleHealthy(one));
        assertTrue(ZookeeperGates.afterStart(one, 1).passed());
    }

    @Test
    void aStandaloneServerInAnEnsembleOfThreeIsNoLeader() {
        ClusterView v = Views.healthy().zk(new ZkMember(1, "zk1", ZkMode.STANDALONE, null, null), ZkMember.follower(2, "zk2"),
                ZkMember.follower(3, "zk3")).view();
        assertEquals(GateDecision.waitFor("ZooKeeper has no leader (an election may be in progress)"), ZookeeperGates.ensembleHealthy(v));
    }

    @Test
    void anEnsembleTooSmallToLoseAMemberIsRefused() {
        ClusterView one = Views.healthy().zk(new ZkMember(1, "zk1", ZkMode.STANDALONE, null, null)).view();
        assertInstanceOf(GateDecision.Refuse.class, ZookeeperGates.beforeStop(one, 1, false));
        ClusterView two = Views.healthy().zk(ZkMember.leader(1, "zk1", 1, 1), ZkMember.follower(2, "zk2")).view();
        GateDecision d = ZookeeperGates.beforeStop(two, 2, false);
        assertInstanceOf(GateDecision.Refuse.class, d);
        assertTrue(d.text().contains("run at least 3 servers"), d.text());
    }

    @Test
    void aMemberAlreadyDownFromAnInterruptedRestartMayContinue() {
        ClusterView v = Views.healthy().zk(ZkMember.down(1, "zk1"), ZkMember.leader(2, "zk2", 1, 1), ZkMember.follower(3, "zk3")).view();
        assertInstanceOf(GateDecision.Pass.class, ZookeeperGates.beforeStop(v, 1, true));
        assertInstanceOf(GateDecision.Wait.class, ZookeeperGates.beforeStop(v, 3, true));
    }

    @Test
    void afterStartWaitsUntilTheMemberServesAndTheLeaderHasItSynced() {
        Views v = Views.healthy().zk(ZkMember.down(1, "zk1"), ZkMember.leader(2, "zk2", 1, 1), ZkMember.follower(3, "zk3"));
        assertEquals(GateDecision.waitFor("ZooKeeper myid 1 on zk1 is not serving yet"), ZookeeperGates.afterStart(v.view(), 1));
        v.zk(ZkMember.follower(1, "zk1"), ZkMember.leader(2, "zk2", 2, 1), ZkMember.follower(3, "zk3"));
        assertInstanceOf(GateDecision.Wait.class, ZookeeperGates.afterStart(v.view(), 1));
        assertTrue(ZookeeperGates.recovery(v.view(), 1).components().get(2) == 1L);
        v.zk(ZkMember.follower(1, "zk1"), ZkMember.leader(2, "zk2", 2, 2), ZkMember.follower(3, "zk3"));
        assertInstanceOf(GateDecision.Pass.class, ZookeeperGates.afterStart(v.view(), 1));
    }

    @Test
    void theWholeEnsembleMustServeForTheQuorumWait() {
        ClusterView partial = Views.healthy().zk(ZkMember.down(1, "zk1"), ZkMember.leader(2, "zk2", 1, 1), ZkMember.follower(3, "zk3")).view();
        assertEquals(GateDecision.waitFor("ZooKeeper zk1 (myid 1) is not serving"), ZookeeperGates.ensembleHealthy(partial));
        assertInstanceOf(GateDecision.Pass.class, ZookeeperGates.ensembleHealthy(Views.healthy().view()));
        assertEquals(GateDecision.waitFor("cannot read ZooKeeper: connection refused"),
                ZookeeperGates.ensembleHealthy(Views.healthy().zkError("connection refused").view()));
    }
}
