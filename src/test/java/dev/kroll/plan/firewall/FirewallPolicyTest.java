package dev.kroll.plan.firewall;

import static dev.kroll.plan.firewall.FirewallPolicy.Verdict.ACCEPT;
import static dev.kroll.plan.firewall.FirewallPolicy.Verdict.DROP;
import static dev.kroll.plan.firewall.FirewallPolicy.Verdict.NOT_MANAGED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallPolicyTest {

    private final FirewallPolicy policy = new FirewallPolicy("h", "c", List.of(
            new FirewallRule("zk", List.of(2181), List.of("10.0.0.11", "10.0.1.0/24")),
            new FirewallRule("mgmt", List.of(9999, 9000), List.of("fd00:1::/64"))));

    @Test
    void listedSourceIsAcceptedOnItsPorts() {
        assertEquals(ACCEPT, policy.evaluate("10.0.0.11", 2181));
        assertEquals(ACCEPT, policy.evaluate("10.0.1.200", 2181));
    }

    @Test
    void unlistedSourceIsDroppedOnManagedPorts() {
        assertEquals(DROP, policy.evaluate("10.0.0.12", 2181));
        assertEquals(DROP, policy.evaluate("10.0.2.1", 2181));
        assertEquals(DROP, policy.evaluate("10.0.0.11", 9999));
    }

    @Test
    void portsNoRuleNamesAreLeftAlone() {
        assertEquals(NOT_MANAGED, policy.evaluate("192.0.2.1", 22));
    }

    @Test
    void loopbackIsAlwaysAccepted() {
        assertEquals(ACCEPT, policy.evaluate("127.0.0.1", 2181));
        assertEquals(ACCEPT, policy.evaluate("::1", 9999));
    }

    @Test
    void ipv6BlocksMatchOnlyIpv6Sources() {
        assertEquals(ACCEPT, policy.evaluate("fd00:1::42", 9000));
        assertEquals(DROP, policy.evaluate("fd00:2::42", 9000));
        assertFalse(FirewallPolicy.contains("fd00:1::/64", "10.0.0.1"));
        assertTrue(FirewallPolicy.contains("0.0.0.0/0", "203.0.113.9"));
    }
}
