package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kroll.util.ExitCode;
import dev.kroll.util.Files2;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    @TempDir
    Path dir;

    private Path inventory(String hosts) throws Exception {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, "cluster: {name: prod}\nbroker: {num.partitions: 12}\nhosts:\n" + hosts);
        return file;
    }

    private static String host(String name, int i) {
        return "  - {name: " + name + ", address: 10.0.0." + i + ", roles: [zookeeper, kafka], memory: 32g}\n";
    }

    @Test
    void planShowsATablePerHostAndRecordsTheIdsInAPrivateRegistry() throws Exception {
        Path inv = inventory(host("kafka1", 1) + host("kafka2", 2) + host("kafka3", 3));
        CliRun run = CliRun.of("plan", "-i", inv.toString());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().matches("(?s).*\nkafka2 +10\\.0\\.0\\.2\nroles +zookeeper, kafka\nbroker\\.id +2\nmyid +2\n.*"), run.out());
        assertTrue(run.out().contains("6g: 25% of 32 GiB capped at 6g; 22 GiB left for page cache after ZooKeeper's 4g"), run.out());
        assertTrue(run.out().matches("(?s).*listeners +PLAINTEXT://10\\.0\\.0\\.2:9092\n.*"), run.out());
        assertTrue(run.err().contains("kroll: allocated broker.id 3 to kafka3"), run.err());
        Path registry = dir.resolve(".kroll").resolve("ids.yaml");
        assertEquals(Files2.OWNER_ONLY, Files.getPosixFilePermissions(registry));
        assertEquals(Files2.OWNER_ONLY_DIR, Files.getPosixFilePermissions(registry.getParent()));
    }

    @Test
    void addingAHostInTheMiddleKeepsEveryRecordedIdAcrossRuns() throws Exception {
        Path inv = inventory(host("kafka1", 1) + host("kafka2", 2) + host("kafka3", 3));
        assertEquals(ExitCode.OK, CliRun.of("plan", "-i", inv.toString()).exit());
        inventory(host("kafka1", 1) + host("kafka9", 9) + host("kafka2", 2) + host("kafka3", 3));
        CliRun run = CliRun.of("plan", "-i", inv.toString(), "--json");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        JsonNode hosts = new ObjectMapper().readTree(run.out()).get("hosts");
        assertEquals("kafka9", hosts.get(1).get("name").asText());
        assertEquals(4, hosts.get(1).get("brokerId").asInt());
        assertEquals(2, hosts.get(2).get("brokerId").asInt());
        assertEquals(3, hosts.get(3).get("myid").asInt());
        CliRun again = CliRun.of("plan", "-i", inv.toString());
        assertFalse(again.err().contains("allocated"), "nothing new to record: " + again.err());
    }

    @Test
    void jsonOutputIsStableAndCarriesProvenance() throws Exception {
        Path inv = inventory(host("kafka1", 1) + host("kafka2", 2) + host("kafka3", 3));
        assertEquals(ExitCode.OK, CliRun.of("plan", "-i", inv.toString()).exit()); // records the IDs
        CliRun first = CliRun.of("plan", "-i", inv.toString(), "--json");
        CliRun second = CliRun.of("plan", "-i", inv.toString(), "--json");
        assertEquals(first.out(), second.out());
        JsonNode doc = new ObjectMapper().readTree(first.out());
        assertEquals(1, doc.get("format").asInt());
        JsonNode k1 = doc.get("hosts").get(0);
        assertEquals("6g", k1.get("heap").get("kafka").get("size").asText());
        assertEquals("inventory", k1.get("memory").get("source").asText());
        JsonNode partitions = k1.get("config").get("broker").get("num.partitions");
        assertEquals("12", partitions.get("value").asText());
        assertEquals("cluster", partitions.get("layer").asText());
        assertEquals(inv + ":2:26", partitions.get("source").asText());
        assertEquals("kroll default", partitions.get("overrides").get(0).get("layer").asText());
        assertEquals("127.135.255.198:9999", k1.get("jmx").get("kafka").asText(), "kafka1's own loopback address (JmxLoopback)");
    }

    @Test
    void explainShowsWhereEachValueComesFrom() throws Exception {
        Path inv = inventory(host("kafka1", 1) + host("kafka2", 2) + host("kafka3", 3));
        CliRun run = CliRun.of("plan", "-i", inv.toString(), "--explain", "--phase", "ssl-only");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().contains("server.properties (phase ssl-only)"), run.out());
        assertTrue(run.out().matches("(?s).*num\\.partitions +12 +cluster \\(" + java.util.regex.Pattern.quote(inv.toString())
                + ":2:26\\); overrides 10 from kroll default.*"), run.out());
        assertTrue(run.out().matches("(?s).*server\\.3 +10\\.0\\.0\\.3:2888:3888 +derived: myid 3 in the ID registry.*"), run.out());
    }

    @Test
    void aPinnedIdConflictIsOneLineWithFileAndLineAndExit2() throws Exception {
        Path inv = inventory(host("kafka1", 1) + host("kafka2", 2));
        assertEquals(ExitCode.OK, CliRun.of("plan", "-i", inv.toString()).exit());
        inventory(host("kafka1", 1) + host("kafka2", 2) + "  - {name: kafka3, address: 10.0.0.3, roles: [kafka], broker_id: 1}\n");
        byte[] registryBefore = Files.readAllBytes(dir.resolve(".kroll/ids.yaml"));
        CliRun run = CliRun.of("plan", "-i", inv.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit());
        assertTrue(run.err().startsWith(inv + ":6:"), run.err());
        assertTrue(run.err().contains("error: broker_id 1 of kafka3 already belongs to kafka1 in the ID registry"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertEquals(new String(registryBefore), Files.readString(dir.resolve(".kroll/ids.yaml")), "nothing recorded");
    }

    @Test
    void aBadOverrideValueIsOneLineWithFileAndLineAndExit2() throws Exception {
        Path inv = dir.resolve("cluster.yaml");
        Files.writeString(inv, "cluster: {name: prod}\nbroker:\n  log.retention.hours: a week\nhosts:\n" + host("a", 1));
        CliRun run = CliRun.of("plan", "-i", inv.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit());
        assertEquals(inv + ":3:24: error: log.retention.hours (cluster) must be a whole number (int), found 'a week' — write e.g. 3",
                run.err().lines().findFirst().orElseThrow());
    }

    @Test
    void memoryIsAssumedForHostsThatDoNotDeclareIt() throws Exception {
        Path inv = inventory("  - {name: a, address: 10.0.0.1, roles: [kafka]}\n  - {name: z, address: 10.0.0.2, roles: [zookeeper]}\n");
        CliRun run = CliRun.of("plan", "-i", inv.toString(), "--memory", "8g");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertTrue(run.out().contains("2g: 25% of 8 GiB; 6 GiB left for page cache"), run.out());
        assertTrue(run.out().contains("8 GiB (--memory)"), run.out());
        CliRun bad = CliRun.of("plan", "-i", inv.toString(), "--memory", "lots");
        assertEquals(ExitCode.BAD_INPUT, bad.exit());
        assertTrue(bad.err().contains("'lots' is not a size"), bad.err());
    }

    @Test
    void ramGatheredByKrollFactsSizesTheHeapAheadOfTheInventorysMemory() throws Exception {
        Path inv = inventory(host("kafka1", 1) + host("kafka2", 2) + host("kafka3", 3));
        dev.kroll.remote.HostFacts gathered = new dev.kroll.remote.HostFacts("kafka1", "kafka1", null, java.util.List.of(),
                8L * 1024 * 1024 * 1024, 4, null, null, null, null, null, null, null, null, null, null, null, null);
        dev.kroll.remote.FactsStore.save(inv.toAbsolutePath().getParent().resolve(".kroll"), java.util.List.of(gathered));
        CliRun run = CliRun.of("plan", "-i", inv.toString(), "--json");
        assertEquals(ExitCode.OK, run.exit(), run.err());
        JsonNode hosts = new ObjectMapper().readTree(run.out()).get("hosts");
        assertTrue(hosts.get(0).toString().contains("of 8 GiB"), hosts.get(0).toString());
        assertTrue(hosts.get(1).toString().contains("of 32 GiB"), "hosts without facts keep the inventory's memory: " + hosts.get(1));
    }
}
