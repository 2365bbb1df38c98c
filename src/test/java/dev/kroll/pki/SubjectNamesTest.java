package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubjectNamesTest {

    private static Host host(String name, String address, String... aliases) {
        Host h = Host.of(name, address, Set.of(Role.KAFKA));
        return new Host(h.name(), h.address(), List.of(aliases), h.roles(), h.rack(), h.groups(), h.brokerId(), h.zookeeperId(),
                h.memory(), h.heap(), h.ssh(), h.ports(), h.broker(), h.zookeeper(), h.pos(), h.positions());
    }

    @Test
    void aHostGetsItsFqdnShortNameAliasesAndAddress() {
        SubjectNames n = SubjectNames.forHost(host("Kafka1.Example.com", "10.0.0.11", "broker1.example.com", "10.1.0.11"));
        assertEquals(List.of("broker1.example.com", "kafka1", "kafka1.example.com"), n.dns());
        assertEquals(List.of("10.0.0.11", "10.1.0.11"), n.ips());
    }

    @Test
    void anAddressThatIsANameBecomesADnsEntry() {
        SubjectNames n = SubjectNames.forHost(host("kafka1.example.com", "kafka1.internal"));
        assertTrue(n.dns().contains("kafka1.internal"));
        assertTrue(n.ips().isEmpty());
    }

    @Test
    void aHostNamedByItsAddressGetsNoShortName() {
        SubjectNames n = SubjectNames.forHost(host("10.0.0.5", "10.0.0.5"));
        assertEquals(List.of(), n.dns());
        assertEquals(List.of("10.0.0.5"), n.ips());
    }

    @Test
    void coverageIgnoresCaseAndTheSpellingOfIpv6() {
        SubjectNames n = SubjectNames.of(List.of("kafka1.example.com", "::1"));
        assertTrue(n.covers("KAFKA1.example.com."));
        assertTrue(n.covers("0:0:0:0:0:0:0:1"));
        assertFalse(n.covers("kafka2.example.com"));
        assertFalse(n.covers("127.0.0.1"));
    }

    @Test
    void changesListAddedAndRemovedNames() {
        SubjectNames before = SubjectNames.of(List.of("kafka1.example.com", "kafka1", "10.0.0.8"));
        SubjectNames after = SubjectNames.of(List.of("kafka1.example.com", "kafka1", "10.0.0.9"));
        assertEquals(List.of("+10.0.0.9", "-10.0.0.8"), after.changesFrom(before));
        assertEquals(List.of(), after.changesFrom(after));
        assertEquals(List.of("10.0.0.9"), before.missing(after));
    }
}
