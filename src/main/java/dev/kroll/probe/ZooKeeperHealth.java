package dev.kroll.probe;

import dev.kroll.probe.HealthVerdict.Finding;
import dev.kroll.probe.HealthVerdict.Level;
import java.util.ArrayList;
import java.util.List;

/** Health findings about the ZooKeeper ensemble. */
final class ZooKeeperHealth {

    private ZooKeeperHealth() {
    }

    static List<Finding> findings(ZooKeeperSnapshot zk) {
        List<Finding> out = new ArrayList<>();
        if (zk == null || zk.servers().isEmpty()) {
            return out;
        }
        QuorumSummary q = zk.quorum();
        List<String> downWords = new ArrayList<>();
        for (ZkServerSnapshot s : zk.servers()) {
            if (!s.serving()) {
                downWords.add(s.host() + " " + whyDown(s));
            }
        }
        if (!q.hasQuorum()) {
            out.add(new Finding(Level.CRITICAL, "ZooKeeper has no quorum: " + q.serving() + " of " + q.members()
                    + " serving, " + q.majority() + " needed; " + HealthRules.and(downWords)));
        } else if (!downWords.isEmpty()) {
            String tail = q.tolerance() == 0 ? ", one more failure loses it" : "";
            out.add(new Finding(Level.DEGRADED, "ZooKeeper " + HealthRules.and(downWords) + "; quorum kept ("
                    + q.serving() + " of " + q.members() + ")" + tail));
        }
        List<String> leaders = zk.servers().stream().filter(s -> s.mode() == ZkMode.LEADER).map(ZkServerSnapshot::host).toList();
        if (leaders.size() > 1) {
            out.add(new Finding(Level.CRITICAL, "ZooKeeper reports " + leaders.size() + " leaders: " + HealthRules.and(leaders)));
        }
        if (!zk.session().connected() && !zk.session().state().equals(ZkSessionState.NOT_STARTED.state())) {
            out.add(new Finding(q.hasQuorum() ? Level.DEGRADED : Level.CRITICAL,
                    "kroll's ZooKeeper session is " + zk.session().state().toLowerCase(java.util.Locale.ROOT)));
        }
        for (ZkServerSnapshot s : zk.servers()) {
            for (String note : s.notes()) {
                out.add(new Finding(Level.HEALTHY, "ZooKeeper " + s.host() + ": " + note));
            }
        }
        return out;
    }

    private static String whyDown(ZkServerSnapshot s) {
        if (s.stats().current().isPresent()) {
            ZkMode mode = s.stats().value().mode();
            return mode == ZkMode.NOT_SERVING ? "up but not serving (no quorum it can join)" : "in mode " + mode.word();
        }
        String reason = s.stats().freshness().reason();
        // a server that answers but whose stats cannot be read is not down, only unreadable
        return reason != null && reason.startsWith("answers") ? "unreadable (" + reason + ")" : "down (" + reason + ")";
    }
}
