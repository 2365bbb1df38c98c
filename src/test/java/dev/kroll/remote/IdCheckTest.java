package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.util.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdCheckTest {

    static HostFacts facts(Map<String, Integer> brokerIds, Integer myid) {
        return new HostFacts("kafka1", "kafka1", null, List.of(), null, null, List.of(), null, null, null, null, null, null,
                brokerIds, myid, List.of(), List.of(), null);
    }

    final Host host = Host.of("kafka1", "10.0.0.1", Set.of(Role.KAFKA, Role.ZOOKEEPER));

    @Test
    void anExistingBrokerIdThatDiffersFromThePlanIsAnError() {
        List<Problem> p = IdCheck.check(host, facts(Map.of("/srv/kafka-logs", 3), null), 1, null);
        assertEquals(1, p.size());
        assertTrue(p.get(0).isError());
        assertTrue(p.get(0).message().contains("already belongs to broker.id 3 but the plan gives it 1"), p.get(0).format());
        assertTrue(p.get(0).fix().contains("broker_id: 3"));
    }

    @Test
    void matchingIdsAndFreshHostsAreFine() {
        assertEquals(List.of(), IdCheck.check(host, facts(Map.of("/srv/kafka-logs", 1), 2), 1, 2));
        assertEquals(List.of(), IdCheck.check(host, facts(Map.of(), null), 1, 2));
        assertEquals(List.of(), IdCheck.check(host, facts(Map.of("/srv/kafka-logs", 5), 9), null, null), "nothing planned yet");
    }

    @Test
    void anExistingMyidThatDiffersFromThePlanIsAnError() {
        List<Problem> p = IdCheck.check(host, facts(Map.of(), 4), null, 2);
        assertEquals(1, p.size());
        assertTrue(p.get(0).message().contains("myid 4 but the plan gives it 2"), p.get(0).format());
    }

    @Test
    void logDirsOfDifferentBrokersOnOneHostAreAnError() {
        List<Problem> p = IdCheck.check(host, facts(Map.of("/a", 1, "/b", 2), null), null, null);
        assertEquals(1, p.size());
        assertTrue(p.get(0).message().contains("different brokers"));
    }

    @Test
    void pinsInTheInventoryAreTheExpectedIds() {
        Host pinned = TestKeys.withIds(host, 7, 3);
        List<Problem> p = IdCheck.againstPins(pinned, facts(Map.of("/srv/kafka-logs", 7), 1));
        assertEquals(1, p.size());
        assertTrue(p.get(0).message().contains("myid 1 but the plan gives it 3"));
    }
}
