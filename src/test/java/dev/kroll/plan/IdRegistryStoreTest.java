package dev.kroll.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.ExitCode;
import dev.kroll.util.Files2;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdRegistryStoreTest {

    @TempDir
    Path dir;

    private static IdRegistry sample() {
        return new IdRegistry("prod",
                new IdTable(new TreeMap<>(Map.of("kafka1.example.com", 1, "kafka2.example.com", 2)), new TreeMap<>(Map.of(9, "old.example.com"))),
                new IdTable(new TreeMap<>(Map.of("zk1.example.com", 1)), new TreeMap<>()));
    }

    @Test
    void aSavedRegistryReadsBackEqualInAPrivateDirectory() throws Exception {
        Path state = dir.resolve(".kroll");
        IdRegistryStore store = new IdRegistryStore(state);
        store.save(sample());
        assertEquals(sample(), store.load("prod"));
        assertEquals(Files2.OWNER_ONLY, Files.getPosixFilePermissions(store.file()));
        assertEquals(Files2.OWNER_ONLY_DIR, Files.getPosixFilePermissions(state));
    }

    @Test
    void savingTheSameRegistryTwiceWritesTheSameBytes() throws Exception {
        IdRegistryStore store = new IdRegistryStore(dir);
        store.save(sample());
        byte[] first = Files.readAllBytes(store.file());
        store.save(store.load("prod"));
        assertEquals(new String(first), Files.readString(store.file()));
    }

    @Test
    void aMissingRegistryIsEmpty() {
        assertEquals(IdRegistry.empty("prod"), new IdRegistryStore(dir).load("prod"));
    }

    @Test
    void aTornOrMalformedFileIsRefusedWithFileAndLine() throws Exception {
        IdRegistryStore store = new IdRegistryStore(dir);
        Files.writeString(store.file(), "format: 1\ncluster: prod\nbroker:\n  assigned:\n    kafka1: [1\n");
        KrollException e = assertThrows(KrollException.class, () -> store.load("prod"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        Problem p = e.problems().get(0);
        assertTrue(p.pos().toString().startsWith(store.file() + ":"), p.format());
        assertTrue(p.format().contains("invalid YAML"), p.format());
    }

    @Test
    void anIdRegisteredToTwoHostsIsRefusedAtItsLine() throws Exception {
        IdRegistryStore store = new IdRegistryStore(dir);
        Files.writeString(store.file(), """
                format: 1
                cluster: prod
                broker:
                  assigned:
                    kafka1: 1
                    kafka2: 1
                """);
        KrollException e = assertThrows(KrollException.class, () -> store.load("prod"));
        Problem p = e.problems().get(0);
        assertEquals(store.file() + ":6:13", p.pos().toString());
        assertEquals("broker.id 1 is registered to both kafka1 and kafka2", p.message());
        assertTrue(p.fix().contains("restore it from a backup"), p.fix());
    }

    @Test
    void aMyidOutsideOneTo255IsRefused() throws Exception {
        IdRegistryStore store = new IdRegistryStore(dir);
        Files.writeString(store.file(), "format: 1\ncluster: prod\nzookeeper:\n  assigned:\n    zk1: 256\n");
        KrollException e = assertThrows(KrollException.class, () -> store.load("prod"));
        assertEquals("'256' is not a valid myid in the ID registry", e.problems().get(0).message());
    }

    @Test
    void theRegistryOfAnotherClusterIsRefused() {
        IdRegistryStore store = new IdRegistryStore(dir);
        store.save(sample());
        KrollException e = assertThrows(KrollException.class, () -> store.load("staging"));
        assertTrue(e.problems().get(0).message().contains("belongs to cluster 'prod', not 'staging'"));
    }

    @Test
    void aTempFileLeftByACrashedWriteIsIgnored() throws Exception {
        IdRegistryStore store = new IdRegistryStore(dir);
        store.save(sample());
        Files.writeString(dir.resolve("." + IdRegistryStore.FILE_NAME + ".123.tmp"), "format: 1\ncluster: prod\nbroker: {assigned: {ka");
        assertEquals(sample(), store.load("prod"));
    }
}
