package dev.kroll.sandbox.bootstrap;

import dev.kroll.inventory.Defaults;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.Setting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * INTERIM (see package-info): zoo.cfg, myid, server.properties and the JVM environment of one host,
 * from kroll's defaults, the inventory's cluster and host overrides and the host's resolved paths.
 * Pure. IDs are positions: broker.id = host position + 1, myid = position among ZooKeeper hosts + 1.
 */
public final class InterimConfigs {

    private InterimConfigs() {
    }

    public static int brokerId(Inventory inv, Host host) {
        return inv.hosts().indexOf(host) + 1;
    }

    public static int myid(Inventory inv, Host host) {
        return inv.hosts(Role.ZOOKEEPER).indexOf(host) + 1;
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

    public static String zooCfg(Inventory inv, Host host, InstallPaths paths) {
        Map<String, String> p = new LinkedHashMap<>(Defaults.ZOOKEEPER);
        p.put("dataDir", paths.zookeeperDataDir());
        p.put("clientPort", String.valueOf(host.ports().zookeeperClient()));
        p.put("clientPortAddress", host.address());
        if (host.ports().zookeeperAdmin() > 0) {
            p.put("admin.serverAddress", host.address());
            p.put("admin.serverPort", String.valueOf(host.ports().zookeeperAdmin()));
        } else {
            p.put("admin.enableServer", "false");
        }
        overlay(p, inv.zookeeper());
        overlay(p, host.zookeeper());
        for (Host zk : inv.hosts(Role.ZOOKEEPER)) {
            p.put("server." + myid(inv, zk), zk.address() + ":" + zk.ports().zookeeperPeer() + ":" + zk.ports().zookeeperElection());
        }
        return render("zoo.cfg of " + host.name(), p);
    }

    public static String serverProperties(Inventory inv, Host host, InstallPaths paths) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("broker.id", String.valueOf(brokerId(inv, host)));
        p.put("listeners", "PLAINTEXT://" + host.address() + ":" + host.ports().kafkaPlaintext());
        p.put("advertised.listeners", "PLAINTEXT://" + inv.advertise().of(host) + ":" + host.ports().kafkaPlaintext());
        p.put("log.dirs", String.join(",", paths.logDirs()));
        p.put("zookeeper.connect", zookeeperConnect(inv));
        p.putAll(Defaults.BROKER);
        overlay(p, inv.broker());
        overlay(p, host.broker());
        return render("server.properties of " + host.name(), p);
    }

    /** The service script sources it: heap from the inventory (the planner's job later). */
    public static String jvmEnv(Host host, Role role) {
        String heap = host.heap().get(role.key());
        return heap == null ? "" : "KAFKA_HEAP_OPTS='-Xmx" + heap + " -Xms" + heap + "'\n";
    }

    public static String myidFile(Inventory inv, Host host) {
        return myid(inv, host) + "\n";
    }

    public static List<String> configFiles() {
        return List.of("zoo.cfg", "myid", "server.properties", "kafka.env", "zookeeper.env");
    }

    private static void overlay(Map<String, String> p, Map<String, Setting> layer) {
        layer.forEach((k, v) -> p.put(k, v.value()));
    }

    private static String render(String title, Map<String, String> p) {
        StringBuilder sb = new StringBuilder("# ").append(title).append(", rendered by kroll's sandbox bring-up (interim)\n");
        p.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }
}
