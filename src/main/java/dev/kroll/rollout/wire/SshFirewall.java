package dev.kroll.rollout.wire;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.plan.HostPaths;
import dev.kroll.plan.firewall.FirewallPlanner;
import dev.kroll.plan.firewall.FirewallPolicy;
import dev.kroll.plan.firewall.NftablesRenderer;
import dev.kroll.remote.SshSessions;
import dev.kroll.rollout.firewall.FirewallApply;
import dev.kroll.rollout.firewall.FirewallScripts;
import dev.kroll.rollout.port.FirewallOps;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code apply-firewall} step over SSH: the host's nftables rules from {@code dev.kroll.plan.firewall},
 * applied by {@link FirewallApply} as {@code <config_dir>/kroll-firewall.nft} (the host's own paths).
 */
public final class SshFirewall implements FirewallOps {

    private final Inventory inventory;
    private final SshSessions sessions;

    public SshFirewall(Inventory inventory, SshSessions sessions) {
        this.inventory = inventory;
        this.sessions = sessions;
    }

    private FirewallPolicy policy(Host host) {
        List<Problem> problems = new ArrayList<>();
        FirewallPolicy p = FirewallPlanner.plan(inventory, host, problems);
        if (problems.stream().anyMatch(Problem::isError)) {
            throw KrollException.badInput(problems);
        }
        return p;
    }

    @Override
    public String rules(Host host) {
        return NftablesRenderer.render(policy(host));
    }

    @Override
    public Optional<Problem> safety(Host host, String jumpHost) {
        return new FirewallApply(sessions, Duration.ofSeconds(1)).safety(host, policy(host), jumpHost);
    }

    @Override
    public String apply(Host host, Duration rollbackAfter) {
        String path = HostPaths.join(inventory.pathsFor(host).configDir(), FirewallScripts.FILE);
        FirewallApply.Result r = new FirewallApply(sessions, rollbackAfter).apply(host, path, rules(host));
        if (r == FirewallApply.Result.ROLLED_BACK) {
            throw KrollException.failure(host.name() + ": the rollback timer fired before kroll could disarm it: the previous rules are back"
                    + " — raise rollback-after and run again", null);
        }
        return "applied " + path + "; a new SSH connection works, rollback disarmed";
    }
}
