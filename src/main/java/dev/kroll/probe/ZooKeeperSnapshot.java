package dev.kroll.probe;

import java.util.List;
import java.util.Optional;

/** The ensemble: every server in inventory order, the quorum summary and kroll's own session. */
public record ZooKeeperSnapshot(List<ZkServerSnapshot> servers, QuorumSummary quorum, ZkSessionState session) {

    public ZooKeeperSnapshot {
        servers = List.copyOf(servers);
    }

    public Optional<ZkServerSnapshot> server(String host) {
        return servers.stream().filter(s -> s.host().equals(host)).findFirst();
    }
}
