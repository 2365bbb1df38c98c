package dev.kroll.plan.firewall;

import static dev.kroll.plan.firewall.FirewallPolicy.Verdict.ACCEPT;
import static dev.kroll.plan.firewall.FirewallPolicy.Verdict.DROP;
import static dev.kroll.plan.firewall.FirewallPolicy.Verdict.NOT_MANAGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallPlannerTest {

    private final Inventory inv = Fixtures.orders();
    private final List<Problem> problems = new ArrayList<>();
    private final FirewallPolicy zk1 = FirewallPlanner.plan(inv, host("zk1.example.com"), problems);
    private final FirewallPolicy kafka1 = FirewallPlanner.plan(inv, host("kafka1.example.com"), problems);

    @Test
    void zookeeperClientPortAcceptsMembersBrokersAndAdminsOnly() {
        assertEquals(ACCEPT, zk1.evaluate("10.0.0.12", 2181));
        assertEquals(ACCEPT, zk1.evaluate("10.0.1.22", 2181));
        assertEquals(ACCEPT, zk1.evaluate("10.0.0.5", 2181));
        assertEquals(DROP, zk1.evaluate("10.20.3.4", 2181));
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void quorumAndElectionPortsAcceptEnsembleMembersOnly() {
        assertEquals(ACCEPT, zk1.evaluate("10.0.0.13", 2888));
        assertEquals(ACCEPT, zk1.evaluate("10.0.0.13", 3888));
        assertEquals(DROP, zk1.evaluate("10.0.1.21", 3888));
        assertEquals(DROP, zk1.evaluate("10.0.0.5", 2888));
    }

    @Test
    void brokerPortsAcceptBrokersAndClientNetworks() {
        assertEquals(ACCEPT, kafka1.evaluate("10.0.1.23", 9093));
        assertEquals(ACCEPT, kafka1.evaluate("10.20.9.9", 9092));
        assertEquals(ACCEPT, kafka1.evaluate("fd00:20::7", 9093));
        assertEquals(DROP, kafka1.evaluate("10.30.0.1", 9092));
    }

    @Test
    void managementPortsAcceptAdminHostsOnly() {
        for (int port : List.of(9999, 9000, 7071)) {
            assertEquals(ACCEPT, kafka1.evaluate("10.0.0.5", port), "port " + port);
            assertEquals(DROP, kafka1.evaluate("10.20.9.9", port), "port " + port);
        }
    }

    @Test
    void portsOfRolesAHostDoesNotHaveAreNotManaged() {
        assertEquals(NOT_MANAGED, kafka1.evaluate("10.30.0.1", 2181));
        assertEquals(NOT_MANAGED, zk1.evaluate("10.30.0.1", 9092));
        assertEquals(NOT_MANAGED, kafka1.evaluate("10.30.0.1", 22));
    }

    @Test
    void hostWithoutIpAddressIsReportedNotGuessed() {
        Host named = Host.of("kafka9.example.com", "kafka9.example.com", java.util.Set.of(dev.kroll.inventory.Role.KAFKA));
        List<Host> hosts = new ArrayList<>(inv.hosts());
        hosts.add(named);
        List<Problem> p = new ArrayList<>();
        FirewallPlanner.plan(inv.withHosts(hosts), host("kafka1.example.com"), p);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().contains("kafka9.example.com has no IP address"), p.get(0).format());
    }

    private Host host(String name) {
        return inv.host(name).orElseThrow();
    }
}
