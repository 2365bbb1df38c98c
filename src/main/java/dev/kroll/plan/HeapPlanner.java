package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.util.ByteSize;
import dev.kroll.util.Problem;
import java.util.List;
import java.util.Optional;

/**
 * Sizes the Kafka and ZooKeeper heaps of a host from its memory (formula in docs/planning.md).
 *
 * <p>Kafka: 25% of RAM, between 1 GiB and 6 GiB. The broker reads and writes through the OS page
 * cache, so RAM the heap does not need is worth more there; beyond ~6 GiB a broker's heap only makes
 * GC pauses longer. ZooKeeper: 25% of RAM on a host of its own, 12.5% beside a broker, between 1 GiB
 * and 4 GiB (its whole data tree lives on the heap, but is small for Kafka's metadata). Hosts below
 * 4 GiB get a 256 MiB floor instead of 1 GiB so that small test machines still fit. Sizes are
 * rounded down to 256 MiB. An inventory {@code heap:} override wins and is not clamped, only checked.
 */
public final class HeapPlanner {

    static final ByteSize KAFKA_MAX = ByteSize.ofGiB(6);
    static final ByteSize ZOOKEEPER_MAX = ByteSize.ofGiB(4);
    static final ByteSize FLOOR = ByteSize.ofGiB(1);
    static final ByteSize SMALL_FLOOR = ByteSize.ofMiB(256);
    static final ByteSize SMALL_HOST = ByteSize.ofGiB(4);
    /** Without compressed object pointers a 32 GiB heap holds less than a 31 GiB one. */
    static final ByteSize COMPRESSED_OOPS_LIMIT = ByteSize.ofGiB(31);
    private static final long STEP = 256 * ByteSize.MIB;

    private HeapPlanner() {
    }

    public static HeapPlan plan(Host host, Optional<ByteSize> memory, List<Problem> problems) {
        boolean kafka = host.has(Role.KAFKA);
        boolean zookeeper = host.has(Role.ZOOKEEPER);
        Optional<Heap> zk = zookeeper ? Optional.of(size(host, Role.ZOOKEEPER, memory, kafka, problems)) : Optional.empty();
        Optional<Heap> broker = kafka ? Optional.of(size(host, Role.KAFKA, memory, zookeeper, problems)) : Optional.empty();
        if (memory.isEmpty()) {
            if (broker.isPresent() && !host.heap().containsKey(Role.KAFKA.key())
                    || zk.isPresent() && !host.heap().containsKey(Role.ZOOKEEPER.key())) {
                problems.add(Problem.warning(host.pos(), "memory of " + host.name() + " is unknown; its heaps fall back to " + FLOOR.jvm(),
                        "add 'memory: 32g' to the host, gather facts, or pass --memory"));
            }
            return new HeapPlan(memory, broker, zk, Optional.empty());
        }
        long used = broker.map(h -> h.size().bytes()).orElse(0L) + zk.map(h -> h.size().bytes()).orElse(0L);
        long left = memory.get().bytes() - used;
        if (left <= 0) {
            problems.add(Problem.error(host.pos("heap"), "the heaps of " + host.name() + " (" + new ByteSize(used).jvm()
                    + ") do not fit in its " + memory.get().human() + " of memory", "lower heap: in the inventory, or correct the memory"));
            return new HeapPlan(memory, broker, zk, Optional.of(new ByteSize(0)));
        }
        ByteSize pageCache = new ByteSize(left);
        if (kafka && left < FLOOR.bytes() && memory.get().compareTo(SMALL_HOST) >= 0) {
            problems.add(Problem.warning(host.pos("heap"), host.name() + " leaves only " + pageCache.human()
                    + " for the page cache", "Kafka reads through the page cache; lower the heaps"));
        }
        return new HeapPlan(memory, broker.map(h -> withPageCache(h, pageCache, zk)), zk, Optional.of(pageCache));
    }

    private static Heap size(Host host, Role role, Optional<ByteSize> memory, boolean colocated, List<Problem> problems) {
        String override = host.heap().get(role.key());
        if (override != null) {
            ByteSize size = ByteSize.parse(override);
            check(host, role, size, problems);
            return new Heap(size, size.jvm() + ": heap." + role.key() + " in the inventory");
        }
        ByteSize max = role == Role.KAFKA ? KAFKA_MAX : ZOOKEEPER_MAX;
        if (memory.isEmpty()) {
            return new Heap(FLOOR, FLOOR.jvm() + ": memory unknown, kroll's fallback");
        }
        ByteSize ram = memory.get();
        boolean halfShare = role == Role.ZOOKEEPER && colocated;
        String share = (halfShare ? "12.5%" : "25%") + " of " + ram.human();
        long raw = halfShare ? ram.bytes() / 8 : ram.bytes() / 4;
        ByteSize target = new ByteSize(raw / STEP * STEP);
        boolean small = ram.compareTo(SMALL_HOST) < 0;
        ByteSize floor = small ? SMALL_FLOOR : FLOOR;
        if (target.compareTo(max) > 0) {
            return new Heap(max, max.jvm() + ": " + share + " capped at " + max.jvm());
        }
        if (target.compareTo(floor) < 0) {
            return new Heap(floor, floor.jvm() + ": " + share + " raised to the " + floor.jvm() + " minimum" + (small ? " (small host)" : ""));
        }
        return new Heap(target, target.jvm() + ": " + share + (halfShare ? " (shares the host with Kafka)" : ""));
    }

    private static Heap withPageCache(Heap kafka, ByteSize pageCache, Optional<Heap> zookeeper) {
        String after = zookeeper.map(z -> " after ZooKeeper's " + z.size().jvm()).orElse("");
        return new Heap(kafka.size(), kafka.reason() + "; " + pageCache.human() + " left for page cache" + after);
    }

    private static void check(Host host, Role role, ByteSize size, List<Problem> problems) {
        if (size.compareTo(SMALL_FLOOR) < 0) {
            problems.add(Problem.warning(host.pos("heap"), "heap." + role.key() + " of " + host.name() + " is only " + size.jvm(),
                    role.key() + " needs at least " + SMALL_FLOOR.jvm() + " to start reliably"));
        } else if (size.compareTo(COMPRESSED_OOPS_LIMIT) > 0) {
            problems.add(Problem.warning(host.pos("heap"), "heap." + role.key() + " of " + host.name() + " is " + size.jvm()
                    + ": above 31g the JVM loses compressed pointers", "use at most 31g (Kafka rarely needs more than 6g)"));
        }
    }
}
