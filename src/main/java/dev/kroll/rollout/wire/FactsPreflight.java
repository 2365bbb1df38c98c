package dev.kroll.rollout.wire;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.PreflightCheck;
import dev.kroll.inventory.Role;
import dev.kroll.remote.FactsGatherer;
import dev.kroll.remote.HostFacts;
import dev.kroll.remote.IdCheck;
import dev.kroll.remote.SshSessions;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.rollout.port.Preflight;
import dev.kroll.rollout.preflight.Finding;
import dev.kroll.rollout.preflight.PreflightChecks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code preflight} step over SSH: gathers the host's facts ({@code dev.kroll.remote}) and judges
 * them with {@link PreflightChecks} (swap, open files, Java, log-dir disks, taken ports, clock, name
 * resolution) and {@link IdCheck} against the plan's IDs (a broker started on another broker's log
 * dirs, a ZooKeeper with the wrong myid).
 */
public final class FactsPreflight implements Preflight {

    private final Inventory inventory;
    private final SshSessions sessions;
    private final ClusterPlan plan;

    public FactsPreflight(Inventory inventory, SshSessions sessions, ClusterPlan plan) {
        this.inventory = inventory;
        this.sessions = sessions;
        this.plan = plan;
    }

    @Override
    public List<Finding> check(Host host) throws IOException {
        HostFacts facts = FactsGatherer.gather(sessions.get(host), host, inventory.pathsFor(host));
        List<Finding> out = new ArrayList<>(PreflightChecks.findings(inventory, host, facts));
        IdCheck.check(host, facts, host.has(Role.KAFKA) ? plan.brokerId(host) : null, host.has(Role.ZOOKEEPER) ? plan.zookeeperId(host) : null)
                .forEach(p -> out.add(new Finding(PreflightCheck.EXISTING_IDS, p)));
        return out;
    }
}
