package dev.kroll.rollout.engine;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.journal.ActionRecord;
import dev.kroll.rollout.journal.ActionStatus;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.util.KrollException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Whether a journaled run can be continued against the inventory and plan as they are now. A resume
 * skips what completed; if the hosts changed, or the plan now renders other files for a host action
 * that completed, the cluster would end half old, half new while the run says done. An action that
 * did not complete is simply done again with what the plan renders now.
 */
public final class ResumeCheck {

    private ResumeCheck() {
    }

    /** The hosts as a run records them: name → roles with planned IDs, e.g. {@code kafka#2 zookeeper#2}. */
    public static Map<String, String> hosts(Inventory inventory, ClusterPlan plan) {
        Map<String, String> m = new TreeMap<>();
        for (Host h : inventory.hosts()) {
            List<String> roles = new ArrayList<>();
            if (h.has(Role.KAFKA)) {
                roles.add("kafka#" + plan.brokerId(h));
            }
            if (h.has(Role.ZOOKEEPER)) {
                roles.add("zookeeper#" + plan.zookeeperId(h));
            }
            m.put(h.name(), String.join(" ", roles));
        }
        return m;
    }

    /** Refuses (bad input, one line saying what changed and what to do) when resuming {@code r} is unsafe. */
    public static void check(RunRecord r, Playbook pb, Inventory inventory, ClusterPlan plan) {
        List<String> changes = new ArrayList<>();
        if (r.hosts() != null) {
            Map<String, String> now = hosts(inventory, plan);
            r.hosts().forEach((name, was) -> {
                String is = now.get(name);
                if (is == null) {
                    changes.add(name + " removed");
                } else if (!is.equals(was)) {
                    changes.add(name + " is now " + is + " (was " + was + ")");
                }
            });
            now.keySet().stream().filter(n -> !r.hosts().containsKey(n)).forEach(n -> changes.add(n + " added"));
        }
        if (changes.isEmpty()) {
            for (ActionRecord a : r.actions()) {
                if (a.status() != ActionStatus.DONE || a.rendered() == null || a.step() >= pb.steps().size()) {
                    continue;
                }
                Optional<Host> h = inventory.host(a.host());
                if (h.isEmpty()) {
                    changes.add(a.host() + " removed");
                } else if (!RenderFingerprint.of(pb.steps().get(a.step()).plannedFiles(h.get(), plan)).equals(a.rendered())) {
                    changes.add(a.host() + "'s files for step " + (a.step() + 1) + " (" + a.action() + ", completed) would now be rendered differently");
                }
            }
        }
        if (!changes.isEmpty()) {
            throw KrollException.badInput("cannot resume run " + r.runId() + ": the inventory changed since it started ("
                    + summary(changes) + "), so resuming would leave the cluster half old, half new — put the inventory back as it was"
                    + " and resume, or start afresh with 'kroll run " + r.playbook() + "' (it rewrites only what differs)");
        }
    }

    private static String summary(List<String> changes) {
        List<String> distinct = changes.stream().distinct().toList();
        return distinct.size() <= 3 ? String.join("; ", distinct)
                : String.join("; ", distinct.subList(0, 3)) + "; and " + (distinct.size() - 3) + " more";
    }
}
