package dev.kroll.plan.firewall;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SshSafetyCheckTest {

    @Test
    void rulesThatLeaveSshAloneAreAccepted() {
        FirewallPolicy p = new FirewallPolicy("h", "c", List.of(new FirewallRule("kafka", List.of(9092), List.of("10.0.0.1"))));
        assertTrue(SshSafetyCheck.check(p, "10.9.9.9", 22).isEmpty());
    }

    @Test
    void rulesThatWouldLockOutTheJumpHostAreRefused() {
        // SSH moved onto a port kroll manages (here the manager UI port), jump host not an admin host
        FirewallPolicy p = new FirewallPolicy("kafka1", "c", List.of(new FirewallRule("mgmt", List.of(9000), List.of("10.0.0.5"))));
        var problem = SshSafetyCheck.check(p, "10.9.9.9", 9000);
        assertTrue(problem.isPresent());
        assertTrue(problem.get().format().contains("would drop SSH from the jump host 10.9.9.9"), problem.get().format());
    }

    @Test
    void jumpHostListedAsAdminKeepsAccessOnAManagedPort() {
        FirewallPolicy p = new FirewallPolicy("kafka1", "c", List.of(new FirewallRule("mgmt", List.of(9000), List.of("10.9.9.0/24"))));
        assertTrue(SshSafetyCheck.check(p, "10.9.9.9", 9000).isEmpty());
    }
}
