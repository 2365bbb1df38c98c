package dev.kroll.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Inventory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZookeeperConfigTest {

    private static Plan plan(String yaml) {
        Inventory inv = Inventories.parse(yaml);
        return Planner.plan(inv, IdRegistry.empty(inv.cluster()), Map.of(), false);
    }

    @Test
    void theEnsembleIsWrittenFromTheMyidsAndEachServerBindsItsOwnAddress() {
        Plan plan = plan("""
                cluster: {name: t}
                hosts:
                  - {name: zk1, address: 10.0.1.1, roles: [zookeeper]}
                  - {name: zk2, address: 10.0.1.2, roles: [zookeeper], zookeeper_id: 5, ports: {zookeeper_peer: 2889}}
                  - {name: zk3, address: 10.0.1.3, roles: [zookeeper, kafka]}
                """);
        EffectiveConfig zk2 = plan.host("zk2").orElseThrow().zookeeper();
        assertEquals("10.0.1.2", zk2.get("clientPortAddress").orElseThrow());
        assertEquals("10.0.1.2", zk2.get("admin.serverAddress").orElseThrow());
        assertEquals("8080", zk2.get("admin.serverPort").orElseThrow());
        assertEquals("/var/lib/zookeeper", zk2.get("dataDir").orElseThrow());
        assertEquals("10.0.1.1:2888:3888", zk2.get("server.1").orElseThrow());
        assertEquals("10.0.1.3:2888:3888", zk2.get("server.2").orElseThrow());
        assertEquals("10.0.1.2:2889:3888", zk2.get("server.5").orElseThrow());
        List<String> keys = List.copyOf(zk2.values().keySet());
        assertEquals(List.of("server.1", "server.2", "server.5"), keys.subList(keys.size() - 3, keys.size()));
    }

    @Test
    void theFourLetterWordsTheDashboardNeedsAreAlwaysAllowed() {
        Plan plan = plan("""
                cluster: {name: t}
                zookeeper:
                  4lw.commands.whitelist: stat,conf
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        ConfigValue v = plan.host("a").orElseThrow().zookeeper().values().get("4lw.commands.whitelist");
        assertEquals("stat,conf,srvr,mntr,ruok", v.value());
        assertEquals(Layer.DERIVED, v.origin().layer());
        assertEquals("stat,conf", v.overridden().get(v.overridden().size() - 1).value());
        assertEquals("srvr,mntr,ruok,conf,stat", plan(Inventories.colocatedYaml()).host("a").orElseThrow().zookeeper()
                .get("4lw.commands.whitelist").orElseThrow(), "kroll's default already has them");
    }

    @Test
    void theEnsembleAndPortsCannotBeOverridden() {
        Plan plan = plan("""
                cluster: {name: t}
                zookeeper:
                  server.1: 10.9.9.9:2888:3888
                  clientPort: 2182
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        assertEquals(2, plan.problems().stream().filter(p -> p.isError()).count(), plan.problems().toString());
        assertEquals("10.0.0.1:2888:3888", plan.host("a").orElseThrow().zookeeper().get("server.1").orElseThrow());
        assertTrue(plan.problems().get(0).format().startsWith("cluster.yaml:3:13: error: server.1 is set by kroll"));
    }
}
