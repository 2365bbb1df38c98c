package dev.kroll.cli;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.plan.firewall.FirewallPlanner;
import dev.kroll.plan.firewall.FirewallPolicy;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The firewall policies of the hosts {@code kroll firewall} and {@code kroll firewall apply} work on. */
final class FirewallPolicies {

    private FirewallPolicies() {
    }

    /** Every host's policy, or those named by {@code --host} (an unknown name is bad input); problems are added. */
    static Map<Host, FirewallPolicy> plan(Inventory inv, List<String> only, List<Problem> problems) {
        for (String name : only) {
            if (inv.host(name).isEmpty()) {
                throw KrollException.badInput("no host '" + name + "' in " + inv.file());
            }
        }
        if (inv.firewall().adminHosts().isEmpty()) {
            problems.add(Problem.warning(inv.pos(), "firewall.admin_hosts is empty: once applied, the jump host reaches neither ZooKeeper nor the brokers",
                    "add the jump host's address to firewall.admin_hosts"));
        }
        Map<Host, FirewallPolicy> policies = new LinkedHashMap<>();
        for (Host h : inv.hosts()) {
            if (only.isEmpty() || only.contains(h.name())) {
                policies.put(h, FirewallPlanner.plan(inv, h, problems));
            }
        }
        return policies;
    }
}
