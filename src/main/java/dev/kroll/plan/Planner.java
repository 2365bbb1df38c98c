package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.ByteSize;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an inventory, the ID registry and what is known of each host's memory into a {@link Plan}.
 * Pure: nothing here reads or writes a file; the caller persists {@code plan.ids().registry()}.
 */
public final class Planner {

    /** Like a compiler: by file, line and column; problems without a position last, in the order found. */
    static final Comparator<Problem> IN_FILE_ORDER = Comparator
            .comparing((Problem p) -> p.pos() == null || !p.pos().known())
            .thenComparing(p -> p.pos() == null || p.pos().file() == null ? "" : p.pos().file())
            .thenComparingInt(p -> p.pos() == null ? 0 : p.pos().line())
            .thenComparingInt(p -> p.pos() == null ? 0 : p.pos().column());

    private Planner() {
    }

    /**
     * @param memory RAM per host name, from gathered facts, the inventory's {@code memory} or a
     *               {@code --memory} assumption (the caller decides); hosts missing here get fallback heaps
     */
    public static Plan plan(Inventory inv, IdRegistry registry, Map<String, ByteSize> memory, boolean reuseIds) {
        List<Problem> problems = new ArrayList<>();
        IdAllocation ids = IdAllocator.allocate(inv, registry, reuseIds);
        problems.addAll(ids.problems());
        String chroot = inv.zookeeperChroot();
        if (chroot != null && !chroot.isBlank() && (!chroot.startsWith("/") || chroot.endsWith("/"))) {
            problems.add(Problem.error(inv.pos(), "zookeeper_chroot '" + chroot + "' must start with '/' and not end with one",
                    "write e.g. 'zookeeper_chroot: /kafka'"));
        }
        PathsCheck.check(inv, problems);
        PlanContext ctx = PlanContext.of(inv, ids);
        List<HostPlan> hosts = new ArrayList<>();
        for (Host h : inv.hosts()) {
            hosts.add(host(ctx, h, Optional.ofNullable(memory.get(h.name())), problems));
        }
        // Cluster- and group-level findings are seen once per host: report each once, in file order.
        List<Problem> unique = new ArrayList<>(new LinkedHashSet<>(problems));
        unique.sort(IN_FILE_ORDER);
        return new Plan(inv, ids, hosts, unique);
    }

    private static HostPlan host(PlanContext ctx, Host h, Optional<ByteSize> memory, List<Problem> problems) {
        HeapPlan heap = HeapPlanner.plan(h, memory, problems);
        Optional<JvmOptions> kafkaJvm = heap.kafka().map(k -> JvmOptionsBuilder.build(h, Role.KAFKA, k.size(), ctx.inventory().pathsFor(h)));
        Optional<JvmOptions> zkJvm = heap.zookeeper().map(z -> JvmOptionsBuilder.build(h, Role.ZOOKEEPER, z.size(), ctx.inventory().pathsFor(h)));
        Map<ListenerPhase, EffectiveConfig> broker = new EnumMap<>(ListenerPhase.class);
        if (h.has(Role.KAFKA)) {
            for (ListenerPhase phase : ListenerPhase.values()) {
                broker.put(phase, BrokerConfigBuilder.build(ctx, h, phase, problems));
            }
        }
        EffectiveConfig zk = h.has(Role.ZOOKEEPER) ? ZookeeperConfigBuilder.build(ctx, h, problems) : EffectiveConfig.EMPTY;
        return new HostPlan(h, ctx.ids().brokerId(h.name()), ctx.ids().myid(h.name()), heap, kafkaJvm, zkJvm, broker, zk);
    }
}
