package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What every host's configuration shares: the inventory, the IDs, and what follows
 * from the ensemble (its connect string and {@code server.N} lines, both in myid order so that
 * reordering the inventory changes no rendered byte).
 */
record PlanContext(Inventory inventory, IdAllocation ids, int brokerCount, String zookeeperConnect,
                   SortedMap<Integer, String> zookeeperServers) {

    static PlanContext of(Inventory inv, IdAllocation ids) {
        SortedMap<Integer, Host> ensemble = new TreeMap<>();
        for (Host h : inv.hosts(Role.ZOOKEEPER)) {
            ids.myid(h.name()).ifPresent(id -> ensemble.put(id, h));
        }
        List<String> connect = new ArrayList<>();
        SortedMap<Integer, String> servers = new TreeMap<>();
        for (Map.Entry<Integer, Host> e : ensemble.entrySet()) {
            Host h = e.getValue();
            connect.add(hostPort(h.address(), h.ports().zookeeperClient()));
            servers.put(e.getKey(), hostPort(h.address(), h.ports().zookeeperPeer()) + ":" + h.ports().zookeeperElection());
        }
        String chroot = inv.zookeeperChroot() == null || inv.zookeeperChroot().isBlank() ? "" : inv.zookeeperChroot().trim();
        return new PlanContext(inv, ids, inv.hosts(Role.KAFKA).size(), String.join(",", connect) + chroot,
                Collections.unmodifiableSortedMap(servers));
    }

    /** {@code host:port}, with IPv6 addresses in brackets. */
    static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
