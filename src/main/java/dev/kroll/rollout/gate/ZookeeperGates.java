package dev.kroll.rollout.gate;

import dev.kroll.rollout.gate.ZkMember.ZkMode;
import java.util.List;
import java.util.Locale;

/** The ZooKeeper gates, as pure functions of a {@link ClusterView}. */
public final class ZookeeperGates {

    private ZookeeperGates() {
    }

    /** The whole ensemble up, one leader, and the leader reports every follower synced. */
    public static GateDecision ensembleHealthy(ClusterView v) {
        if (v.zookeeperError() != null) {
            return GateDecision.waitFor("cannot read ZooKeeper: " + v.zookeeperError());
        }
        List<ZkMember> down = v.zookeeper().stream().filter(m -> !m.up()).toList();
        if (!down.isEmpty()) {
            return GateDecision.waitFor("ZooKeeper " + labels(down) + (down.size() == 1 ? " is" : " are") + " not serving");
        }
        GateDecision synced = leaderSynced(v);
        if (!synced.passed()) {
            return synced;
        }
        return GateDecision.pass("ZooKeeper quorum of " + v.zookeeper().size() + ": " + synced.text());
    }

    /**
     * Before stopping server {@code myid}: the others keep a quorum, and the leader reports its
     * followers synced. (Which server goes last — the leader — is {@link RollOrder}'s business.)
     */
    public static GateDecision beforeStop(ClusterView v, int myid, boolean resumingInterrupted) {
        if (v.zookeeperError() != null) {
            return GateDecision.waitFor("cannot read ZooKeeper: " + v.zookeeperError());
        }
        ZkMember target = v.zkMember(myid).orElse(null);
        if (target == null) {
            return GateDecision.refuse("ZooKeeper myid " + myid + " is not part of the ensemble the probes read");
        }
        int size = v.zookeeper().size();
        int majority = size / 2 + 1;
        if (size - 1 < majority) {
            return GateDecision.refuse("an ensemble of " + size + " ZooKeeper server" + (size == 1 ? "" : "s")
                    + " loses its quorum whenever one stops — run at least 3 servers for rolling restarts");
        }
        if (resumingInterrupted && !target.up()) {
            return GateDecision.pass("ZooKeeper " + target.label() + " is already stopped (its action was interrupted in an earlier attempt); continuing it");
        }
        List<ZkMember> othersUp = v.zookeeper().stream().filter(m -> m.myid() != myid && m.up()).toList();
        if (othersUp.size() < majority) {
            List<ZkMember> down = v.zookeeper().stream().filter(m -> m.myid() != myid && !m.up()).toList();
            return GateDecision.waitFor("stopping ZooKeeper " + target.label() + " would leave " + othersUp.size() + " of " + size
                    + " servers up, below the quorum of " + majority + "; not serving: " + labels(down));
        }
        GateDecision synced = leaderSynced(v);
        if (!synced.passed()) {
            return synced;
        }
        return GateDecision.pass(othersUp.size() + " of " + size + " servers keep the quorum without " + target.label() + "; " + synced.text());
    }

    /** After starting server {@code myid}: it serves again, and the leader reports every follower synced. */
    public static GateDecision afterStart(ClusterView v, int myid) {
        if (v.zookeeperError() != null) {
            return GateDecision.waitFor("cannot read ZooKeeper: " + v.zookeeperError());
        }
        ZkMember target = v.zkMember(myid).orElse(null);
        if (target == null || !target.up()) {
            return GateDecision.waitFor("ZooKeeper myid " + myid + (target == null ? "" : " on " + target.host()) + " is not serving yet");
        }
        GateDecision synced = leaderSynced(v);
        if (!synced.passed()) {
            return synced;
        }
        return GateDecision.pass("ZooKeeper " + target.label() + " is " + target.mode().name().toLowerCase(Locale.ROOT) + "; " + synced.text());
    }

    /** Progress while a ZooKeeper server comes back: not serving, then followers not yet synced. */
    public static RecoveryMeasure recovery(ClusterView v, int myid) {
        if (v.zookeeperError() != null) {
            return RecoveryMeasure.unknown();
        }
        long notUp = v.zkMember(myid).map(m -> m.up() ? 0L : 1L).orElse(1L);
        long upFollowers = v.zookeeper().stream().filter(m -> m.mode() == ZkMode.FOLLOWER).count();
        long synced = v.zkLeader().map(l -> l.syncedFollowers() == null ? 0L : (long) l.syncedFollowers()).orElse(0L);
        return new RecoveryMeasure(List.of(notUp, v.zkLeader().isPresent() ? 0L : 1L, Math.max(0, upFollowers - synced)));
    }

    private static GateDecision leaderSynced(ClusterView v) {
        // a one-server ensemble runs standalone: no election, no leader, nobody to sync
        if (v.zookeeper().size() == 1 && v.zookeeper().get(0).mode() == ZkMode.STANDALONE) {
            return GateDecision.pass("standalone server " + v.zookeeper().get(0).label() + " (no followers)");
        }
        ZkMember leader = v.zkLeader().orElse(null);
        if (leader == null) {
            return GateDecision.waitFor("ZooKeeper has no leader (an election may be in progress)");
        }
        long followers = v.zookeeper().stream().filter(m -> m.mode() == ZkMode.FOLLOWER).count();
        if (leader.syncedFollowers() == null) {
            return GateDecision.waitFor("the ZooKeeper leader " + leader.label() + " has not reported its synced followers");
        }
        if (leader.syncedFollowers() < followers) {
            return GateDecision.waitFor("the ZooKeeper leader " + leader.label() + " reports " + leader.syncedFollowers()
                    + " of " + followers + " followers synced");
        }
        return GateDecision.pass("leader " + leader.label() + " reports " + leader.syncedFollowers() + "/" + followers + " followers synced");
    }

    private static String labels(List<ZkMember> ms) {
        return String.join(", ", ms.stream().map(ZkMember::label).toList());
    }
}
