package dev.kroll.probe;

import java.util.List;

/**
 * One ZooKeeper server as probed.
 *
 * @param host   the inventory host name
 * @param notes  plain-word hints about how it was read (e.g. a command missing from
 *               {@code 4lw.commands.whitelist} and how to fix it); empty when there is nothing to say
 */
public record ZkServerSnapshot(String host, String address, int clientPort, Reading<ZkServerStats> stats,
                               List<String> notes) {

    public ZkServerSnapshot {
        notes = List.copyOf(notes);
    }

    /** Answered in this refresh and serves clients. */
    public boolean serving() {
        return stats.current().map(s -> s.mode().serving()).orElse(false);
    }

    public ZkMode mode() {
        return stats.current().map(ZkServerStats::mode).orElse(ZkMode.UNKNOWN);
    }
}
