package dev.kroll.rollout.wire;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.remote.Become;
import dev.kroll.remote.CommandResult;
import dev.kroll.remote.FactsParser;
import dev.kroll.remote.FactsScript;
import dev.kroll.remote.HostFacts;
import dev.kroll.remote.IdCheck;
import dev.kroll.remote.SshSession;
import dev.kroll.remote.SshSessions;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.rollout.port.Preflight;
import dev.kroll.util.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code preflight} step over SSH: gathers the host's facts ({@code dev.kroll.remote}) and
 * refuses what would make the services fail or lose data — Java missing or older than 11 (Kafka
 * 3.9's minimum), a log dir's filesystem under 1 GiB free, IDs already on the host that differ from
 * the plan's (a broker started on another broker's log dirs, a ZooKeeper with the wrong myid).
 */
public final class FactsPreflight implements Preflight {

    static final long MIN_FREE_BYTES = 1L << 30;

    private final Inventory inventory;
    private final SshSessions sessions;
    private final ClusterPlan plan;

    public FactsPreflight(Inventory inventory, SshSessions sessions, ClusterPlan plan) {
        this.inventory = inventory;
        this.sessions = sessions;
        this.plan = plan;
    }

    @Override
    public List<String> check(Host host) throws IOException {
        SshSession s = sessions.get(host);
        CommandResult r = s.check(Become.wrap(host, FactsScript.forPaths(inventory.paths())));
        long before = System.currentTimeMillis();
        CommandResult clock = s.check(FactsScript.CLOCK);
        long after = System.currentTimeMillis();
        return problems(host, FactsParser.parse(host.name(), r.stdout() + "\n" + clock.stdout(), before, after));
    }

    /** The problems in one host's facts; pure. */
    List<String> problems(Host host, HostFacts facts) {
        List<String> out = new ArrayList<>();
        Integer java = facts.javaMajor();
        if (java == null) {
            out.add("no Java found (the services need Java 11 or later; 17 recommended)");
        } else if (java < 11) {
            out.add("Java " + facts.javaVersion() + " is too old for Kafka 3.9 (needs 11 or later; 17 recommended)");
        }
        for (HostFacts.DiskSpace d : facts.disks()) {
            if (d.availableBytes() < MIN_FREE_BYTES) {
                out.add("log dir " + d.path() + " has " + (d.availableBytes() >> 20) + " MiB free on " + d.mountPoint() + " (needs at least 1 GiB)");
            }
        }
        Integer brokerId = host.has(Role.KAFKA) ? plan.brokerId(host) : null;
        Integer myid = host.has(Role.ZOOKEEPER) ? plan.zookeeperId(host) : null;
        for (Problem p : IdCheck.check(host, facts, brokerId, myid)) {
            out.add(p.message() + (p.fix() == null ? "" : " — " + p.fix()));
        }
        return out;
    }
}
