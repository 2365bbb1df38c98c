package dev.kroll.inventory.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.Problem;
import dev.kroll.util.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostListImporterTest {

    @TempDir
    Path dir;

    private Inventory read(String text, List<Problem> problems) throws IOException {
        Path f = Files.writeString(dir.resolve("hosts.txt"), text);
        return new HostListImporter().read(f.toString(), ImportOptions.DEFAULT.withCluster("orders"), problems);
    }

    @Test
    void linesWithRolesKeepThemAndAddressesAreOptional() throws IOException {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read("""
                # ZooKeeper first
                zk1.example.com 10.0.0.11 zookeeper
                zk2.example.com zk          # address from DNS
                kafka1.example.com 10.0.1.11 kafka,zookeeper

                kafka2.example.com broker|zk
                """, problems);

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals("orders", inv.cluster());
        List<Host> h = inv.hosts();
        assertEquals(List.of("zk1.example.com", "zk2.example.com", "kafka1.example.com", "kafka2.example.com"),
                h.stream().map(Host::name).toList());
        assertEquals("10.0.0.11", h.get(0).address());
        assertEquals(Set.of(Role.ZOOKEEPER), h.get(0).roles());
        assertEquals("zk2.example.com", h.get(1).address(), "no address: the name is the address");
        assertEquals(Set.of(Role.KAFKA, Role.ZOOKEEPER), h.get(2).roles());
        assertEquals(Set.of(Role.KAFKA, Role.ZOOKEEPER), h.get(3).roles());
    }

    @Test
    void withoutAnyRoleEveryHostRunsBothAndANoteSaysSo() throws IOException {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read("a.example.com\nb.example.com 10.0.0.2\nc.example.com\n", problems);

        assertTrue(inv.hosts().stream().allMatch(h -> h.roles().equals(Set.of(Role.ZOOKEEPER, Role.KAFKA))));
        assertEquals(1, problems.size());
        assertEquals(Severity.NOTE, problems.get(0).severity());
        assertEquals(dir.resolve("hosts.txt") + ": note: no line names a role, so all 3 hosts run both ZooKeeper and Kafka (co-located)"
                + " — to split them, put 'zookeeper' or 'kafka' after each name", problems.get(0).format());
    }

    @Test
    void aLineWithoutRoleAmongLinesWithRolesIsAnError() throws IOException {
        List<Problem> problems = new ArrayList<>();
        read("a.example.com zookeeper\n  b.example.com\n", problems);
        assertEquals(List.of(dir.resolve("hosts.txt") + ":2:3: error: host b.example.com has no role, while other lines name roles"
                + " — add 'kafka', 'zookeeper' or both after the name (or the address)"), problems.stream().map(Problem::format).toList());
    }

    @Test
    void etcHostsOrderIsReadAsAddressThenName() throws IOException {
        Inventory inv = read("10.0.1.11 kafka1.example.com kafka\n", new ArrayList<>());
        assertEquals("kafka1.example.com", inv.hosts().get(0).name());
        assertEquals("10.0.1.11", inv.hosts().get(0).address());
    }

    @Test
    void anIpAfterTheRolesIsStillTheAddress() throws IOException {
        Inventory inv = read("kafka1.example.com kafka 10.0.1.11\n", new ArrayList<>());
        assertEquals("10.0.1.11", inv.hosts().get(0).address());
    }

    @Test
    void aMisspeltRoleGetsASuggestion() throws IOException {
        List<Problem> problems = new ArrayList<>();
        read("kafka1.example.com 10.0.1.11 kafak\n", problems);
        assertEquals(dir.resolve("hosts.txt") + ":1:30: error: unknown role 'kafak' of host kafka1.example.com"
                + " — did you mean 'kafka'? roles are 'zookeeper' and 'kafka'", problems.get(0).format());
    }
}
