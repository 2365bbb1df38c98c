package dev.kroll.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JmxLoopbackTest {

    private static String of(String name, String address) {
        return JmxLoopback.address(Host.of(name, address, Set.of(Role.KAFKA)));
    }

    @Test
    void aHostGetsItsOwnLoopbackAddressDerivedFromItsNameOnly() {
        String a = of("kafka1.prod.example.com", "10.0.0.1");
        assertTrue(a.matches("127\\.(\\d+)\\.(\\d+)\\.(\\d+)"), a);
        assertNotEquals("127.0.0.1", a);
        assertEquals(a, of("kafka1.prod.example.com", "10.9.9.9"), "the address does not follow the host's IP");
        // pinned (checked with another SHA-256): rendered files name it, so it must not change between versions
        assertEquals("127.59.71.148", of("kafka1.prod.example.com", "10.0.0.1"));
    }

    @Test
    void fiftyBrokersOfOneClusterGetFiftyDistinctAddresses() {
        Set<String> seen = new HashSet<>();
        for (int i = 1; i <= 50; i++) {
            seen.add(of("kafka" + i + ".prod.example.com", "10.0.0." + i));
        }
        assertEquals(50, seen.size());
    }

    @Test
    void aHostWhoseAddressIsAlreadyLoopbackKeepsIt() {
        assertEquals("127.0.1.12", of("kroll-sandbox-3", "127.0.1.12"));
        assertEquals("::1", of("v6", "::1"));
    }
}
