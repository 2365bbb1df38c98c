package dev.kroll.inventory.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.ByteSize;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvImporterTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Inventory read(Path file, List<Problem> problems) {
        return new CsvImporter().read(file.toString(), ImportOptions.DEFAULT, problems);
    }

    @Test
    void readsEveryColumnWithHeadersInAnyCaseAndOrder() throws IOException {
        Path f = csv("orders-prod.csv", """
                Memory,SSH_Port,Name,Address,Roles,Rack,Broker_ID,ZooKeeper_ID,SSH_User,SSH_Key,Aliases
                32g,2222,kafka1.example.com,10.0.1.11,zookeeper;kafka,r1,7,1,deploy,~/.ssh/id_ed25519,kafka1|broker1.example.com
                """);
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read(f, problems);

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals("orders-prod", inv.cluster(), "named after the file");
        Host h = inv.hosts().get(0);
        assertEquals("kafka1.example.com", h.name());
        assertEquals("10.0.1.11", h.address());
        assertEquals(Set.of(Role.ZOOKEEPER, Role.KAFKA), h.roles());
        assertEquals("r1", h.rack());
        assertEquals(7, h.brokerId());
        assertEquals(1, h.zookeeperId());
        assertEquals("deploy", h.ssh().user());
        assertEquals(2222, h.ssh().port());
        assertEquals("~/.ssh/id_ed25519", h.ssh().keyFile());
        assertEquals(ByteSize.ofGiB(32), h.memory());
        assertEquals(List.of("kafka1", "broker1.example.com"), h.aliases());
    }

    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() throws IOException {
        Path f = csv("q.csv", "name,address,roles,ssh_key\n"
                + "\"kafka1.example.com\",10.0.1.11,\"zookeeper, kafka\",\"/keys/a \"\"b\"\".pem\"\n"
                + "kafka2.example.com,10.0.1.12,\"kafka\nzookeeper\",\n");
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read(f, problems);

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(Set.of(Role.ZOOKEEPER, Role.KAFKA), inv.hosts().get(0).roles());
        assertEquals("/keys/a \"b\".pem", inv.hosts().get(0).ssh().keyFile());
        assertEquals(Set.of(Role.ZOOKEEPER, Role.KAFKA), inv.hosts().get(1).roles());
    }

    @Test
    void rolesMaySeparateBySemicolonBarOrSpaceAndUseAliases() throws IOException {
        Path f = csv("r.csv", """
                hostname,ip,role
                a.example.com,10.0.0.1,zk|broker
                b.example.com,10.0.0.2,zookeeper kafka
                c.example.com,10.0.0.3,kafka_broker
                """);
        Inventory inv = read(f, new ArrayList<>());
        assertEquals(Set.of(Role.ZOOKEEPER, Role.KAFKA), inv.hosts().get(0).roles());
        assertEquals(Set.of(Role.ZOOKEEPER, Role.KAFKA), inv.hosts().get(1).roles());
        assertEquals(Set.of(Role.KAFKA), inv.hosts().get(2).roles());
        assertEquals("10.0.0.3", inv.hosts().get(2).address());
    }

    @Test
    void blankRowsCommentsAndASpreadsheetByteOrderMarkAreSkipped() throws IOException {
        Path f = csv("bom.csv", "\uFEFFname,address,roles\n# the brokers\n\nkafka1.example.com,10.0.1.11,kafka\n,,\n");
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read(f, problems);
        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(1, inv.hosts().size());
    }

    @Test
    void anUnknownColumnIsReportedAtItsCellWithTheClosestName() throws IOException {
        Path f = csv("u.csv", "name,adress,roles\nkafka1.example.com,10.0.1.11,kafka\n");
        List<Problem> problems = new ArrayList<>();
        read(f, problems);
        assertEquals(List.of(f + ":1:6: error: unknown column 'adress' — did you mean 'address'?"), problems.stream().map(Problem::format).toList());
    }

    @Test
    void aHeaderNamingAColumnTwiceIsAnError() throws IOException {
        Path f = csv("d.csv", "name,address,roles,ip\n");
        List<Problem> problems = new ArrayList<>();
        read(f, problems);
        assertEquals(List.of(f + ":1:20: error: column 'address' appears twice (first at column 6) — keep one of them"),
                problems.stream().map(Problem::format).toList());
    }

    @Test
    void problemsInCellsNameLineAndColumn() throws IOException {
        Path f = csv("cells.csv", """
                name,address,roles,zookeeper_id
                kafka1.example.com,10.0.1.11,kafka,x
                ,10.0.1.12,kafka,
                """);
        List<Problem> problems = new ArrayList<>();
        read(f, problems);
        assertEquals(List.of(
                f + ":2:36: error: zookeeper_id of host kafka1.example.com must be a whole number, found 'x' — write a whole number",
                f + ":3:1: error: this row has no name — fill in the host's FQDN in the 'name' column"),
                problems.stream().map(Problem::format).toList());
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() throws IOException {
        Path f = csv("open.csv", "name,address,roles\nkafka1.example.com,\"10.0.1.11,kafka\nkafka2.example.com,10.0.1.12,kafka\n");
        KrollException e = assertThrows(KrollException.class, () -> read(f, new ArrayList<>()));
        assertEquals(f + ":2:20: error: invalid CSV: this quote is never closed — close the quoted value with \"; write a quote inside a value as \"\"",
                e.problems().get(0).format());
    }

    @Test
    void anEmptyFileAsksForAHeader() throws IOException {
        Path f = csv("empty.csv", "");
        List<Problem> problems = new ArrayList<>();
        read(f, problems);
        assertEquals(List.of(f + ":1:1: error: the CSV file is empty — start with a header row, e.g. name,address,roles"),
                problems.stream().map(Problem::format).toList());
    }

    @Test
    void aMissingFileIsOneLine() {
        KrollException e = assertThrows(KrollException.class, () -> read(dir.resolve("nope.csv"), new ArrayList<>()));
        assertEquals(dir.resolve("nope.csv") + ": file not found — check the path", e.getMessage());
    }
}
