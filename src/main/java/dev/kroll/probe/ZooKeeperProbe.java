package dev.kroll.probe;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Reads every ZooKeeper server with {@code srvr} and {@code mntr} over its client port, falling back
 * to the AdminServer for commands left out of {@code 4lw.commands.whitelist}, and summarizes the
 * quorum. Keeps the last good reading of each server so a failed read shows it as stale.
 */
public final class ZooKeeperProbe {

    static final String WHITELIST_FIX = "add 4lw.commands.whitelist=srvr,mntr,ruok to zoo.cfg and restart it";

    private final List<ZkTarget> targets;
    private final Duration timeout;
    private final AdminServerClient admin;
    private final ZkSession session;
    private final Map<String, Reading<ZkServerStats>> last = new HashMap<>();

    /**
     * @param session kroll's Curator session whose state goes into the snapshot, or null
     * @param timeout for each server's whole read (both commands and the fallback)
     */
    public ZooKeeperProbe(List<ZkTarget> targets, ZkSession session, Duration timeout) {
        this.targets = List.copyOf(targets);
        this.session = session;
        this.timeout = timeout;
        this.admin = new AdminServerClient(timeout);
    }

    public List<ZkTarget> targets() {
        return targets;
    }

    /** One refresh: all servers in parallel, none waited for longer than the timeout. */
    public ZooKeeperSnapshot read(ExecutorService pool, Instant now) {
        Map<String, Reading<ZkServerStats>> previous;
        synchronized (last) {
            previous = new HashMap<>(last);
        }
        List<ZkServerSnapshot> servers = Parallel.map(pool, targets, t -> readServer(t, previous.get(t.host()), now),
                timeout, (t, e) -> snapshot(t, Reading.failed(previous.get(t.host()), now,
                        Why.failed(e, t.clientEndpoint(), timeout)), List.of()));
        synchronized (last) {
            servers.forEach(s -> last.put(s.host(), s.stats()));
        }
        ZkSessionState state = ZkSessionState.NOT_STARTED;
        if (session != null) {
            if (session.neverConnected()) {
                try {
                    session.awaitConnected(timeout);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            state = session.state();
        }
        return new ZooKeeperSnapshot(servers, Quorum.summarize(servers), state);
    }

    /** Reads one server; never throws (a failure becomes a stale or unreachable reading). */
    ZkServerSnapshot readServer(ZkTarget t, Reading<ZkServerStats> previous, Instant now) {
        List<String> refused = new ArrayList<>();
        ZkServerStats stats = null;
        try {
            for (String word : List.of("srvr", "mntr")) {
                String text = FourLetterWords.send(t.clientAddress(), word, timeout);
                ZkAnswer a = word.equals("srvr") ? ZkStatsParser.parseSrvr(text) : ZkStatsParser.parseMntr(text);
                switch (a.kind()) {
                    case NOT_SERVING:
                        return snapshot(t, Reading.ok(a.stats(), now), List.of());
                    case NOT_WHITELISTED:
                        refused.add(word);
                        break;
                    case STATS:
                        stats = a.stats().orElse(stats);
                        break;
                    default:
                        return snapshot(t, Reading.failed(previous, now, "unexpected answer to " + word + ": " + a.text()), List.of());
                }
            }
        } catch (IOException e) {
            return snapshot(t, Reading.failed(previous, now, Why.failed(e, t.clientEndpoint(), timeout)), List.of());
        }
        List<String> notes = new ArrayList<>();
        if (!refused.isEmpty()) {
            String missing = String.join(" and ", refused) + (refused.size() == 1 ? " is" : " are")
                    + " not in 4lw.commands.whitelist";
            AdminRead fallback = t.adminPort() > 0 ? adminRead(t) : new AdminRead(null, "no AdminServer port is configured");
            if (fallback.stats != null) {
                stats = fallback.stats.orElse(stats);
                notes.add(missing + " (read from the AdminServer instead); " + WHITELIST_FIX);
            } else if (stats != null) {
                notes.add(missing + " and " + fallback.problem + "; " + WHITELIST_FIX);
            } else {
                return snapshot(t, Reading.failed(previous, now, "answers, but " + missing + " and " + fallback.problem
                        + "; " + WHITELIST_FIX), List.of());
            }
        }
        return snapshot(t, Reading.ok(stats, now), notes);
    }

    private record AdminRead(ZkServerStats stats, String problem) {
    }

    private AdminRead adminRead(ZkTarget t) {
        String where = "the AdminServer on " + HostPorts.format(t.address(), t.adminPort());
        try {
            ZkAnswer a = ZkStatsParser.parseAdminMntr(admin.command(t, "mntr"));
            if (a.kind() != ZkAnswer.Kind.STATS) {
                return new AdminRead(null, where + " answered: " + a.text());
            }
            ZkServerStats s = a.stats();
            if (s.zxid() == null) {
                Long zxid = ZkStatsParser.parseAdminZxid(admin.command(t, "srvr"));
                s = new ZkServerStats(s.mode(), s.version(), zxid, s.latencyMinMs(), s.latencyAvgMs(), s.latencyMaxMs(),
                        s.outstandingRequests(), s.connections(), s.znodeCount(), s.followers(), s.syncedFollowers(), s.via());
            }
            return new AdminRead(s, null);
        } catch (IOException e) {
            return new AdminRead(null, where + " did not answer (" + Why.failed(e, HostPorts.format(t.address(), t.adminPort()), timeout) + ")");
        }
    }

    private static ZkServerSnapshot snapshot(ZkTarget t, Reading<ZkServerStats> stats, List<String> notes) {
        return new ZkServerSnapshot(t.host(), t.address(), t.clientPort(), stats, notes);
    }
}
