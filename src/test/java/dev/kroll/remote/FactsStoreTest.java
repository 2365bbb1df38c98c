package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactsStoreTest {

    @TempDir
    Path tmp;

    static HostFacts facts(String host, long ram) {
        return new HostFacts(host, host, host + ".example.com", List.of("10.0.0.1"), ram, 4,
                List.of(new HostFacts.DiskSpace("/srv/kafka-logs", "/srv", 1000, 2000)), 0L, 0L, 1, 100000L, "17.0.15", 12L,
                Map.of("/srv/kafka-logs", 1), 1, List.of("0.0.0.0:22"), List.of("10.0.0.1"), "2025-01-01T00:00:00Z");
    }

    @Test
    void factsSurviveARoundTripAndSavingSomeHostsKeepsTheOthers() throws Exception {
        Path state = tmp.resolve(".kroll");
        FactsStore.save(state, List.of(facts("a", 1L << 34), facts("b", 1L << 33)));
        FactsStore.save(state, List.of(facts("b", 1L << 35)));
        Map<String, HostFacts> loaded = FactsStore.load(state);
        assertEquals(facts("a", 1L << 34), loaded.get("a"));
        assertEquals(1L << 35, loaded.get("b").memoryBytes());
        assertEquals(2, loaded.size());
    }

    @Test
    void noFileMeansNoFacts() {
        assertEquals(Map.of(), FactsStore.load(tmp.resolve(".kroll")));
    }
}
