package dev.kroll.plan.firewall;

import dev.kroll.inventory.Firewall;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.HostNames;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Monitoring;
import dev.kroll.inventory.Ports;
import dev.kroll.inventory.Role;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides each host's firewall from the inventory: ZooKeeper ports only from ensemble members and
 * brokers, broker ports from brokers and client networks, management ports only from admin hosts.
 * Admin hosts (the jump host among them) also reach ZooKeeper's client port and the brokers, since
 * kroll itself reads the cluster from there.
 */
public final class FirewallPlanner {

    private FirewallPlanner() {
    }

    public static FirewallPolicy plan(Inventory inv, Host host, List<Problem> problems) {
        Firewall fw = inv.firewall();
        List<String> members = addresses(inv, Role.ZOOKEEPER, problems);
        List<String> brokers = addresses(inv, Role.KAFKA, problems);
        List<String> admins = fw.adminHosts();
        Ports p = host.ports();
        List<FirewallRule> rules = new ArrayList<>();
        if (host.has(Role.ZOOKEEPER)) {
            rules.add(new FirewallRule("zookeeper clients", List.of(p.zookeeperClient()), union(members, brokers, admins)));
            rules.add(new FirewallRule("zookeeper quorum and election", List.of(p.zookeeperPeer(), p.zookeeperElection()), members));
            List<Integer> mgmt = new ArrayList<>(List.of(p.zookeeperJmx()));
            if (p.zookeeperAdmin() > 0) {
                mgmt.add(p.zookeeperAdmin());
            }
            rules.add(new FirewallRule("zookeeper management", mgmt, admins));
        }
        if (host.has(Role.KAFKA)) {
            rules.add(new FirewallRule("kafka listeners", List.of(p.kafkaPlaintext(), p.kafkaSsl()), union(brokers, fw.clientNetworks(), admins)));
            List<Integer> mgmt = new ArrayList<>(List.of(p.kafkaJmx()));
            if (inv.monitoring().agent() == Monitoring.Agent.PROMETHEUS) {
                mgmt.add(inv.monitoring().exporterPort());
            }
            if (fw.managerPort() > 0) {
                mgmt.add(fw.managerPort());
            }
            rules.add(new FirewallRule("kafka management", mgmt, admins));
        }
        return new FirewallPolicy(host.name(), inv.cluster(), rules);
    }

    private static List<String> addresses(Inventory inv, Role role, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        for (Host h : inv.hosts(role)) {
            if (HostNames.isIp(h.address())) {
                out.add(h.address());
            } else if (problems.stream().noneMatch(pr -> pr.message().contains(h.name() + " has no IP"))) {
                problems.add(Problem.error(h.pos("address"), "firewall rules need IP addresses, but " + h.name() + " has no IP address",
                        "give the host 'address: <ip>' in the inventory"));
            }
        }
        return out;
    }

    @SafeVarargs
    private static List<String> union(List<String>... lists) {
        Set<String> all = new LinkedHashSet<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return List.copyOf(all);
    }
}
