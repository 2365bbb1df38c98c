package dev.kroll.probe;

import java.util.ArrayList;
import java.util.List;

/** Summarizes an ensemble's quorum from its servers' readings. Pure. */
public final class Quorum {

    private Quorum() {
    }

    /**
     * Observers do not vote and are left out of the count. The leader's own count of synced
     * followers is trusted too: a follower kroll cannot reach may still be in sync with the leader.
     */
    public static QuorumSummary summarize(List<ZkServerSnapshot> servers) {
        int members = 0;
        int serving = 0;
        String leader = null;
        Integer synced = null;
        List<String> down = new ArrayList<>();
        for (ZkServerSnapshot s : servers) {
            ZkMode mode = s.mode();
            if (mode == ZkMode.OBSERVER) {
                continue;
            }
            members++;
            if (s.serving()) {
                serving++;
            } else {
                down.add(s.host());
            }
            if (mode == ZkMode.LEADER || mode == ZkMode.STANDALONE) {
                leader = leader == null ? s.host() : leader;
                synced = s.stats().value().syncedFollowers();
            }
        }
        int votes = synced == null ? serving : Math.max(serving, synced + 1);
        boolean hasQuorum = leader != null && members > 0 && votes >= members / 2 + 1;
        return new QuorumSummary(members, serving, hasQuorum, leader, down);
    }
}
