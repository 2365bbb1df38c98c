package dev.kroll.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdAllocatorTest {

    private static IdAllocation allocate(Inventory inv, IdRegistry registry) {
        return IdAllocator.allocate(inv, registry, false);
    }

    private static IdRegistry first(Inventory inv) {
        IdAllocation a = allocate(inv, IdRegistry.empty(inv.cluster()));
        assertTrue(a.problems().isEmpty(), a.problems().toString());
        return a.registry();
    }

    @Test
    void aNewClusterGetsIdsFromOneInListOrder() {
        IdAllocation a = allocate(Inventories.colocated("a", "b", "c"), IdRegistry.empty("test"));
        assertEquals(Map.of("a", 1, "b", 2, "c", 3), a.brokerIds());
        assertEquals(Map.of("a", 1, "b", 2, "c", 3), a.myids());
        assertTrue(a.changed());
    }

    @Test
    void addingAHostInTheMiddleMovesNoId() {
        IdRegistry registry = first(Inventories.colocated("kafka1", "kafka2", "kafka3"));
        IdAllocation a = allocate(Inventories.colocated("kafka1", "new", "kafka2", "kafka3"), registry);
        assertEquals(Map.of("kafka1", 1, "new", 4, "kafka2", 2, "kafka3", 3), a.brokerIds());
        assertEquals(Map.of("kafka1", 1, "new", 4, "kafka2", 2, "kafka3", 3), a.myids());
        assertEquals(List.of("allocated broker.id 4 to new", "allocated myid 4 to new"), a.changes());
    }

    @Test
    void removingAHostDoesNotHandItsIdToTheNextNewHost() {
        IdRegistry registry = first(Inventories.colocated("kafka1", "kafka2", "kafka3"));
        IdRegistry without = allocate(Inventories.colocated("kafka1", "kafka3"), registry).registry();
        IdAllocation a = allocate(Inventories.colocated("kafka1", "kafka3", "kafka4"), without);
        assertEquals(Map.of("kafka1", 1, "kafka3", 3, "kafka4", 4), a.brokerIds());
        assertEquals(4, a.myid("kafka4").orElseThrow());
        assertEquals(2, a.registry().broker().of("kafka2").orElseThrow(), "the removed host stays registered");
    }

    @Test
    void aRemovedHostsIdIsReusedOnlyWithReuseIds() {
        IdRegistry registry = first(Inventories.colocated("kafka1", "kafka2", "kafka3"));
        IdAllocation a = IdAllocator.allocate(Inventories.colocated("kafka1", "kafka3", "kafka4"), registry, true);
        assertEquals(Map.of("kafka1", 1, "kafka3", 3, "kafka4", 2), a.brokerIds());
        assertTrue(a.changes().contains("released broker.id 2 of kafka2 (--reuse-ids)"), a.changes().toString());
        assertTrue(a.registry().broker().of("kafka2").isEmpty());
    }

    @Test
    void reorderingHostsMovesNothing() {
        IdRegistry registry = first(Inventories.colocated("a", "b", "c", "d", "e"));
        IdAllocation a = allocate(Inventories.colocated("e", "c", "a", "d", "b"), registry);
        assertEquals(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5), a.brokerIds());
        assertEquals(Map.of("a", 1, "b", 2, "c", 3, "d", 4, "e", 5), a.myids());
        assertFalse(a.changed());
        assertEquals(registry, a.registry());
    }

    @Test
    void aHostThatComesBackGetsItsOldIdBack() {
        IdRegistry registry = first(Inventories.colocated("a", "b", "c"));
        IdRegistry gone = allocate(Inventories.colocated("a", "c"), registry).registry();
        IdAllocation back = allocate(Inventories.colocated("a", "c", "d", "b"), gone);
        assertEquals(2, back.brokerId("b").orElseThrow());
        assertEquals(4, back.brokerId("d").orElseThrow());
    }

    @Test
    void allocationIsAPureFunctionOfItsInputs() {
        Inventory inv = Inventories.colocated("a", "b", "c");
        IdRegistry registry = first(Inventories.colocated("b"));
        assertEquals(allocate(inv, registry), allocate(inv, registry));
        assertEquals(Map.of("b", 1), registry.broker().assigned(), "the input registry is a value and stays as it was");
    }

    @Test
    void brokerIdsAndMyidsAreAllocatedIndependently() {
        Inventory inv = Inventories.parse("""
                cluster: {name: test}
                hosts:
                  - {name: zk1, address: 10.0.0.1, roles: [zookeeper]}
                  - {name: zk2, address: 10.0.0.2, roles: [zookeeper]}
                  - {name: zk3, address: 10.0.0.3, roles: [zookeeper]}
                  - {name: k1, address: 10.0.0.4, roles: [kafka]}
                """);
        IdAllocation a = allocate(inv, IdRegistry.empty("test"));
        assertEquals(Map.of("k1", 1), a.brokerIds());
        assertEquals(Map.of("zk1", 1, "zk2", 2, "zk3", 3), a.myids());
    }

    @Test
    void aPinnedIdWinsAndIsNotHandedToAnotherNewHost() {
        Inventory inv = Inventories.parse("""
                cluster: {name: test}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                  - {name: b, address: 10.0.0.2, roles: [zookeeper, kafka], broker_id: 1, zookeeper_id: 1}
                """);
        IdAllocation a = allocate(inv, IdRegistry.empty("test"));
        assertEquals(Map.of("a", 2, "b", 1), a.brokerIds());
        assertEquals(Map.of("a", 2, "b", 1), a.myids());
    }

    @Test
    void pinningAnIdRegisteredToAnotherHostIsAnErrorAtThePin() {
        IdRegistry registry = first(Inventories.colocated("kafka1", "kafka2"));
        Inventory inv = Inventories.parse("""
                cluster: {name: test}
                hosts:
                  - {name: kafka1, address: 10.0.0.1, roles: [zookeeper, kafka]}
                  - {name: kafka2, address: 10.0.0.2, roles: [zookeeper, kafka]}
                  - name: kafka3
                    address: 10.0.0.3
                    roles: [zookeeper, kafka]
                    broker_id: 2
                """);
        IdAllocation a = allocate(inv, registry);
        Problem p = single(a.problems());
        assertEquals("cluster.yaml:8:16", p.pos().toString());
        assertTrue(p.message().contains("broker_id 2 of kafka3 already belongs to kafka2"), p.message());
        assertEquals(2, a.brokerId("kafka2").orElseThrow(), "the registered host keeps its ID");
        assertTrue(a.brokerId("kafka3").isEmpty());
    }

    @Test
    void twoHostsPinningTheSameIdIsAnError() {
        Inventory inv = Inventories.parse("""
                cluster: {name: test}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka], zookeeper_id: 5}
                  - {name: b, address: 10.0.0.2, roles: [zookeeper, kafka], zookeeper_id: 5}
                """);
        Problem p = single(allocate(inv, IdRegistry.empty("test")).problems());
        assertEquals("cluster.yaml:4:75", p.pos().toString());
        assertTrue(p.message().contains("zookeeper_id 5 of b is also pinned by a (line 3)"), p.message());
    }

    @Test
    void pinningTheIdOfARemovedHostNeedsReuseIds() {
        IdRegistry registry = first(Inventories.colocated("a", "b"));
        Inventory inv = Inventories.parse("""
                cluster: {name: test}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                  - {name: c, address: 10.0.0.3, roles: [zookeeper, kafka], broker_id: 2}
                """);
        Problem p = single(allocate(inv, registry).problems());
        assertTrue(p.message().contains("already belongs to b (no longer in the inventory)"), p.message());
        assertTrue(p.fix().contains("--reuse-ids"), p.fix());
        IdAllocation reused = IdAllocator.allocate(inv, registry, true);
        assertTrue(reused.problems().isEmpty(), reused.problems().toString());
        assertEquals(2, reused.brokerId("c").orElseThrow());
    }

    @Test
    void repinningAHostRetiresItsOldIdWithAWarning() {
        IdRegistry registry = first(Inventories.colocated("a", "b"));
        Inventory inv = Inventories.parse("""
                cluster: {name: test}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka], broker_id: 7}
                  - {name: b, address: 10.0.0.2, roles: [zookeeper, kafka]}
                  - {name: c, address: 10.0.0.3, roles: [zookeeper, kafka]}
                """);
        IdAllocation a = allocate(inv, registry);
        Problem p = single(a.problems());
        assertFalse(p.isError());
        assertTrue(p.message().contains("a is pinned to broker.id 7 but was registered with 1"), p.message());
        assertEquals(Map.of("a", 7, "b", 2, "c", 3), a.brokerIds(), "retired 1 is not handed to c");
        assertEquals(Map.of(1, "a"), a.registry().broker().retired());
    }

    @Test
    void myidsStayWithinOneTo255() {
        List<Host> hosts = new ArrayList<>();
        for (int i = 1; i <= 256; i++) {
            hosts.add(Host.of("zk" + i, "10.0." + (i / 200) + "." + (i % 200 + 1), Set.of(Role.ZOOKEEPER)));
        }
        Inventory inv = Inventories.colocated("x").withHosts(hosts);
        IdAllocation a = allocate(inv, IdRegistry.empty("test"));
        assertEquals(255, a.myids().size());
        assertEquals(255, Collections.max(a.myids().values()));
        assertTrue(single(a.problems()).message().contains("no free myid left for zk256 (1–255 are all registered)"));
    }

    @Test
    void aPinnedMyidOutsideTheRangeIsAnError() {
        Inventory inv = Inventories.parse("""
                cluster: {name: test}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper], zookeeper_id: 300}
                """);
        assertTrue(single(allocate(inv, IdRegistry.empty("test")).problems()).message().contains("outside 1–255"));
    }

    private static Problem single(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }
}
