package dev.kroll.plan;

import dev.kroll.inventory.Defaults;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A ZooKeeper server's effective zoo.cfg: the layered settings, plus the ensemble from the myids,
 * the client port and AdminServer bound to the host's address, and the four-letter words kroll's
 * dashboard needs.
 */
final class ZookeeperConfigBuilder {

    /** Four-letter words the dashboard and health gates use. */
    static final List<String> REQUIRED_4LW = List.of("srvr", "mntr", "ruok");
    static final String WHITELIST = "4lw.commands.whitelist";
    private static final Set<String> MANAGED = Set.of("dataDir", "clientPort", "clientPortAddress", "admin.enableServer",
            "admin.serverAddress", "admin.serverPort", "myid");

    private ZookeeperConfigBuilder() {
    }

    static EffectiveConfig build(PlanContext ctx, Host host, List<Problem> problems) {
        Inventory inv = ctx.inventory();
        Map<String, ConfigValue> layered = ConfigLayers.merge(inv, host, Role.ZOOKEEPER, Defaults.ZOOKEEPER);
        for (ConfigValue v : layered.values()) {
            if (v.origin().layer().isInventory() && (MANAGED.contains(v.key()) || v.key().startsWith("server."))) {
                problems.add(Problem.error(v.origin().pos(), v.key() + " is set by kroll and cannot be overridden",
                        v.key().startsWith("server.") ? "kroll writes the ensemble from the zookeeper hosts and their myids"
                                : "set paths.zookeeper_data_dir or the host's ports: instead"));
            }
        }
        layered.keySet().removeIf(k -> MANAGED.contains(k) || k.startsWith("server."));

        Map<String, ConfigValue> out = new LinkedHashMap<>();
        derive(out, layered, "dataDir", inv.pathsFor(host).zookeeperDataDir(), "paths.zookeeper_data_dir");
        derive(out, layered, "clientPort", String.valueOf(host.ports().zookeeperClient()), "ports.zookeeper_client");
        derive(out, layered, "clientPortAddress", host.address(), "bound to the host address");
        int admin = host.ports().zookeeperAdmin();
        derive(out, layered, "admin.enableServer", String.valueOf(admin > 0), "ports.zookeeper_admin");
        if (admin > 0) {
            derive(out, layered, "admin.serverAddress", host.address(), "bound to the host address");
            derive(out, layered, "admin.serverPort", String.valueOf(admin), "ports.zookeeper_admin");
        }
        whitelist(layered);
        new TreeMap<>(layered).forEach(out::put);
        ctx.zookeeperServers().forEach((id, server) -> out.put("server." + id,
                ConfigValue.of("server." + id, server, Origin.derived("myid " + id + " in the ID registry"))));
        return new EffectiveConfig(out);
    }

    /** Keeps the operator's list but adds the words the dashboard cannot work without. */
    private static void whitelist(Map<String, ConfigValue> layered) {
        ConfigValue v = layered.get(WHITELIST);
        Set<String> words = new LinkedHashSet<>();
        if (v != null) {
            for (String w : v.value().split(",")) {
                if (!w.isBlank()) {
                    words.add(w.trim());
                }
            }
        }
        if (words.contains("*")) {
            return;
        }
        List<String> missing = new ArrayList<>(REQUIRED_4LW);
        missing.removeAll(words);
        if (v == null || !missing.isEmpty()) {
            words.addAll(missing);
            String value = String.join(",", words);
            String why = "kroll's dashboard needs " + String.join(",", REQUIRED_4LW);
            layered.put(WHITELIST, v == null ? ConfigValue.of(WHITELIST, value, Origin.derived(why)) : v.overriddenBy(value, Origin.derived(why)));
        }
    }

    private static void derive(Map<String, ConfigValue> out, Map<String, ConfigValue> layered, String key, String value, String why) {
        ConfigValue prev = layered.remove(key);
        out.put(key, prev == null ? ConfigValue.of(key, value, Origin.derived(why)) : prev.overriddenBy(value, Origin.derived(why)));
    }
}
