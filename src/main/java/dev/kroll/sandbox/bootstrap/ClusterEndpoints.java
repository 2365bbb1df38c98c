package dev.kroll.sandbox.bootstrap;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import java.util.stream.Collectors;

/** Where clients reach an inventory's cluster on PLAINTEXT. Pure. */
public final class ClusterEndpoints {

    private ClusterEndpoints() {
    }

    public static String zookeeperConnect(Inventory inv) {
        String servers = inv.hosts(Role.ZOOKEEPER).stream().map(h -> h.address() + ":" + h.ports().zookeeperClient())
                .collect(Collectors.joining(","));
        return inv.zookeeperChroot() == null ? servers : servers + inv.zookeeperChroot();
    }

    public static String bootstrapServers(Inventory inv) {
        return inv.hosts(Role.KAFKA).stream().map(h -> inv.advertise().of(h) + ":" + h.ports().kafkaPlaintext())
                .collect(Collectors.joining(","));
    }
}
