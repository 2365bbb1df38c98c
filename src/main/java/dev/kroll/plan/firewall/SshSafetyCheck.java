package dev.kroll.plan.firewall;

import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.util.Optional;

/** Before rules are applied: the jump host must keep its SSH access to the host, or nothing is applied. */
public final class SshSafetyCheck {

    private SshSafetyCheck() {
    }

    /**
     * @param jumpHostIp the address the host sees kroll's SSH connection come from ({@code $SSH_CLIENT})
     */
    public static Optional<Problem> check(FirewallPolicy policy, String jumpHostIp, int sshPort) {
        if (policy.evaluate(jumpHostIp, sshPort) == FirewallPolicy.Verdict.DROP) {
            return Optional.of(Problem.error(SourcePos.NONE, "the firewall rules for " + policy.host() + " would drop SSH from the jump host "
                    + jumpHostIp + " on port " + sshPort, "add " + jumpHostIp + " to firewall.admin_hosts, or move the port"));
        }
        return Optional.empty();
    }
}
