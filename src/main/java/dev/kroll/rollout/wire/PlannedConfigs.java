package dev.kroll.rollout.wire;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.IdRegistry;
import dev.kroll.plan.IdRegistryStore;
import dev.kroll.plan.JvmOptionsBuilder;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.plan.Plan;
import dev.kroll.plan.Planner;
import dev.kroll.plan.TlsLayout;
import dev.kroll.plan.render.HostRenderer;
import dev.kroll.plan.render.JvmEnvRenderer;
import dev.kroll.plan.render.SystemdUnitRenderer;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.util.KrollException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The engine's view of {@code dev.kroll.plan}: stable IDs from the registry and the rendered files of each host. */
public final class PlannedConfigs implements ClusterPlan {

    private final Plan plan;
    private final Set<String> zookeeperFiles;
    private final Set<String> kafkaFiles;

    public PlannedConfigs(Plan plan) {
        if (plan.hasErrors()) {
            throw KrollException.badInput(plan.problems());
        }
        this.plan = plan;
        Inventory inv = plan.inventory();
        this.zookeeperFiles = Set.of("zoo.cfg", "myid", JvmEnvRenderer.fileName(Role.ZOOKEEPER), JvmOptionsBuilder.log4jFile(Role.ZOOKEEPER),
                SystemdUnitRenderer.fileName(inv, Role.ZOOKEEPER));
        this.kafkaFiles = Set.of("server.properties", TlsLayout.CLIENT_PROPERTIES, JvmEnvRenderer.fileName(Role.KAFKA),
                JvmOptionsBuilder.log4jFile(Role.KAFKA), SystemdUnitRenderer.fileName(inv, Role.KAFKA));
    }

    /**
     * Plans the inventory as {@code kroll plan} does: IDs from the registry beside it (new ones
     * allocated and saved), heaps from the inventory's {@code memory}; a plan with errors is bad input.
     */
    public static PlannedConfigs load(Inventory inv) {
        IdRegistryStore store = IdRegistryStore.of(inv);
        IdRegistry registry = store.load(inv.cluster());
        Plan plan = Planner.plan(inv, registry, Map.of(), false);
        if (!plan.hasErrors() && plan.ids().changed()) {
            store.save(plan.ids().registry());
        }
        return new PlannedConfigs(plan);
    }

    public Plan plan() {
        return plan;
    }

    @Override
    public int brokerId(Host host) {
        return hostPlan(host).brokerId().orElseThrow(() -> new IllegalArgumentException(host.name() + " has no broker id"));
    }

    @Override
    public int zookeeperId(Host host) {
        return hostPlan(host).myid().orElseThrow(() -> new IllegalArgumentException(host.name() + " has no ZooKeeper myid"));
    }

    @Override
    public List<RenderedFile> render(Host host, ListenerPhase phase) {
        return HostRenderer.render(plan, hostPlan(host), phase).stream()
                .map(f -> new RenderedFile(f.path(), f.content().getBytes(StandardCharsets.UTF_8), Integer.parseInt(f.mode(), 8), false, service(f.name())))
                .toList();
    }
    /** Which service must restart to pick the file up. */
    private Role service(String name) {
        if (kafkaFiles.contains(name)) {
            return Role.KAFKA;
        }
        return zookeeperFiles.contains(name) ? Role.ZOOKEEPER : null;
    }

    private HostPlan hostPlan(Host host) {
        return plan.host(host.name()).orElseThrow(() -> new IllegalArgumentException(host.name() + " is not in the plan"));
    }
}
