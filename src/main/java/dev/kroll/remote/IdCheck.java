package dev.kroll.remote;

import dev.kroll.inventory.Host;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the IDs a host already carries (broker.id in its log dirs, ZooKeeper myid) with the IDs the plan
 * gives it. A mismatch is an error: starting a broker whose log dirs belong to another broker.id fails, and a
 * wrong myid splits the ensemble. Pure; the expected IDs come from the inventory's pins today and from the
 * planner's ID registry later.
 */
public final class IdCheck {

    private IdCheck() {
    }

    /**
     * @param expectedBrokerId    the broker.id planned for the host, or null if none (yet)
     * @param expectedZookeeperId the myid planned for the host, or null
     */
    public static List<Problem> check(Host host, HostFacts facts, Integer expectedBrokerId, Integer expectedZookeeperId) {
        List<Problem> problems = new ArrayList<>();
        TreeSet<Integer> found = new TreeSet<>(facts.brokerIds().values());
        if (found.size() > 1) {
            problems.add(Problem.error(host.pos(), host.name() + ": its log dirs belong to different brokers " + facts.brokerIds(),
                    "a broker's log dirs must share one broker.id; clean up the stray meta.properties by hand"));
        }
        if (expectedBrokerId != null) {
            for (Map.Entry<String, Integer> e : facts.brokerIds().entrySet()) {
                if (!e.getValue().equals(expectedBrokerId)) {
                    problems.add(Problem.error(host.pos("broker_id"), host.name() + ": log dir " + e.getKey()
                            + " already belongs to broker.id " + e.getValue() + " but the plan gives it " + expectedBrokerId,
                            "pin broker_id: " + e.getValue() + " for this host, or wipe the log dir if its data is not wanted"));
                }
            }
        }
        Integer myid = facts.zookeeperMyid();
        if (expectedZookeeperId != null && myid != null && !myid.equals(expectedZookeeperId)) {
            problems.add(Problem.error(host.pos("zookeeper_id"), host.name() + ": ZooKeeper data dir has myid " + myid
                    + " but the plan gives it " + expectedZookeeperId,
                    "pin zookeeper_id: " + myid + " for this host, or remove the old ZooKeeper data if it is not wanted"));
        }
        return problems;
    }

    /** With the IDs pinned in the inventory. */
    public static List<Problem> againstPins(Host host, HostFacts facts) {
        return check(host, facts, host.brokerId(), host.zookeeperId());
    }
}
