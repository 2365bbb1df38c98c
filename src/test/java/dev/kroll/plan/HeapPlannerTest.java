package dev.kroll.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.util.ByteSize;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeapPlannerTest {

    private final List<Problem> problems = new ArrayList<>();

    private HeapPlan plan(Set<Role> roles, String memory) {
        return HeapPlanner.plan(Host.of("h", "10.0.0.1", roles), Optional.of(ByteSize.parse(memory)), problems);
    }

    @Test
    void aBrokerGetsAQuarterOfRamCappedAtSixGigabytes() {
        HeapPlan p = plan(Set.of(Role.KAFKA), "32g");
        assertEquals("6g: 25% of 32 GiB capped at 6g; 26 GiB left for page cache", p.kafka().orElseThrow().reason());
        assertEquals(ByteSize.ofGiB(6), p.kafka().orElseThrow().size());
        assertEquals(ByteSize.ofGiB(26), p.pageCache().orElseThrow());
        assertTrue(problems.isEmpty());
    }

    @Test
    void aSharedHostSubtractsBothHeapsFromThePageCache() {
        HeapPlan p = plan(Set.of(Role.KAFKA, Role.ZOOKEEPER), "16g");
        assertEquals("4g: 25% of 16 GiB; 10 GiB left for page cache after ZooKeeper's 2g", p.kafka().orElseThrow().reason());
        assertEquals("2g: 12.5% of 16 GiB (shares the host with Kafka)", p.zookeeper().orElseThrow().reason());
        assertEquals(ByteSize.ofGiB(10), p.pageCache().orElseThrow());
    }

    @Test
    void aDedicatedZookeeperGetsAQuarterBetweenOneAndFourGigabytes() {
        assertEquals("2g: 25% of 8 GiB", plan(Set.of(Role.ZOOKEEPER), "8g").zookeeper().orElseThrow().reason());
        assertEquals("4g: 25% of 64 GiB capped at 4g", plan(Set.of(Role.ZOOKEEPER), "64g").zookeeper().orElseThrow().reason());
        assertEquals("1g: 25% of 4 GiB", plan(Set.of(Role.ZOOKEEPER), "4g").zookeeper().orElseThrow().reason());
    }

    @Test
    void heapsBelowTheMinimumAreRaisedToIt() {
        HeapPlan p = plan(Set.of(Role.KAFKA, Role.ZOOKEEPER), "6g");
        assertEquals("1g: 12.5% of 6 GiB raised to the 1g minimum", p.zookeeper().orElseThrow().reason());
        assertEquals("1536m: 25% of 6 GiB; 3.5 GiB left for page cache after ZooKeeper's 1g", p.kafka().orElseThrow().reason());
    }

    @Test
    void smallHostsGetA256MegabyteFloor() {
        HeapPlan p = plan(Set.of(Role.KAFKA, Role.ZOOKEEPER), "1g");
        assertEquals(ByteSize.ofMiB(256), p.kafka().orElseThrow().size());
        assertEquals("256m: 12.5% of 1 GiB raised to the 256m minimum (small host)", p.zookeeper().orElseThrow().reason());
        assertEquals(ByteSize.ofMiB(512), p.pageCache().orElseThrow());
    }

    @Test
    void sizesAreRoundedDownTo256Megabytes() {
        assertEquals(ByteSize.ofMiB(2560), plan(Set.of(Role.KAFKA), "10g").kafka().orElseThrow().size());
        assertEquals(ByteSize.ofMiB(1792), plan(Set.of(Role.KAFKA), "7400m").kafka().orElseThrow().size());
    }

    @Test
    void anInventoryOverrideWinsAndIsNotClamped() {
        Host h = Inventories.parse("""
                cluster: {name: t}
                hosts:
                  - {name: h, address: 10.0.0.1, roles: [kafka], heap: {kafka: 8g}}
                """).hosts().get(0);
        HeapPlan p = HeapPlanner.plan(h, Optional.of(ByteSize.ofGiB(64)), problems);
        assertEquals("8g: heap.kafka in the inventory; 56 GiB left for page cache", p.kafka().orElseThrow().reason());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void heapsThatDoNotFitInMemoryAreAnErrorAtTheOverride() {
        Host h = Inventories.parse("""
                cluster: {name: t}
                hosts:
                  - name: h
                    address: 10.0.0.1
                    roles: [kafka, zookeeper]
                    heap: {kafka: 6g, zookeeper: 2g}
                """).hosts().get(0);
        HeapPlanner.plan(h, Optional.of(ByteSize.ofGiB(8)), problems);
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).isError());
        assertEquals("cluster.yaml:6:11", problems.get(0).pos().toString());
        assertEquals("the heaps of h (8g) do not fit in its 8 GiB of memory", problems.get(0).message());
    }

    @Test
    void unknownMemoryFallsBackToOneGigabyteWithOneWarning() {
        HeapPlan p = HeapPlanner.plan(Host.of("h", "10.0.0.1", Set.of(Role.KAFKA, Role.ZOOKEEPER)), Optional.empty(), problems);
        assertEquals("1g: memory unknown, kroll's fallback", p.kafka().orElseThrow().reason());
        assertEquals(ByteSize.ofGiB(1), p.zookeeper().orElseThrow().size());
        assertTrue(p.pageCache().isEmpty());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).fix().contains("--memory"));
    }
}
