package dev.kroll.probe;

import static dev.kroll.probe.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotHistoryTest {

    private static ClusterSnapshot at(Instant t, Reading<BrokerMetrics> b1, Reading<BrokerMetrics> b2) {
        ClusterSnapshot h = Fixtures.healthy();
        return new ClusterSnapshot("t", t, h.zookeeper(), h.kafka(),
                List.of(new JmxSnapshot("kafka1", 1, "direct", b1), new JmxSnapshot("kafka2", 2, "direct", b2)), List.of(), List.of());
    }

    private static Reading<BrokerMetrics> m(Instant t, long messages) {
        return Reading.ok(Fixtures.metrics(messages, messages * 100), t);
    }

    @Test
    void ratesComeFromCountsOfConsecutiveFreshReadings() {
        SnapshotHistory h = SnapshotHistory.empty(10);
        for (int i = 0; i < 4; i++) {
            Instant t = T0.plusSeconds(2L * i);
            h = h.with(at(t, m(t, 1000 + 50L * i), m(t, 10L * i)));
        }
        assertEquals(25.0, h.rate(1, Meter.MESSAGES_IN).getAsDouble(), 1e-9);
        assertEquals(2500.0, h.rate(1, Meter.BYTES_IN).getAsDouble(), 1e-9);
        assertEquals(30.0, h.clusterRate(Meter.MESSAGES_IN).getAsDouble(), 1e-9);
        assertArrayEquals(new double[] {5, 5, 5}, h.series(2, Meter.MESSAGES_IN, 10), 1e-9);
    }

    @Test
    void aStaleReadingAndACounterResetAreSkippedNotTurnedIntoRates() {
        Instant t1 = T0;
        Instant t2 = T0.plusSeconds(1);
        Instant t3 = T0.plusSeconds(2);
        Instant t4 = T0.plusSeconds(4);
        Reading<BrokerMetrics> first = m(t1, 100);
        SnapshotHistory h = SnapshotHistory.empty(10)
                .with(at(t1, first, first))
                .with(at(t2, Reading.failed(first, t2, "timeout"), first))
                .with(at(t3, m(t3, 300), m(t3, 5)))
                .with(at(t4, m(t4, 500), m(t4, 25)));
        assertArrayEquals(new double[] {100, 100}, h.series(1, Meter.MESSAGES_IN, 10), 1e-9);
        assertArrayEquals(new double[] {10}, h.series(2, Meter.MESSAGES_IN, 10), 1e-9);
    }

    @Test
    void theRingKeepsOnlyTheNewestSnapshots() {
        SnapshotHistory h = SnapshotHistory.empty(3);
        for (int i = 0; i < 5; i++) {
            Instant t = T0.plusSeconds(i);
            h = h.with(at(t, m(t, i), m(t, i)));
        }
        assertEquals(3, h.size());
        assertEquals(T0.plusSeconds(4), h.latest().orElseThrow().takenAt());
        assertEquals(T0.plusSeconds(2), h.snapshots().get(0).takenAt());
        assertTrue(SnapshotHistory.empty(3).rate(1, Meter.BYTES_OUT).isEmpty());
    }
}
