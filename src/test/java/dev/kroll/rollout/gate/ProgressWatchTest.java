package dev.kroll.rollout.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressWatchTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration STALL = Duration.ofMinutes(5);

    private static RecoveryMeasure m(long... c) {
        return new RecoveryMeasure(java.util.Arrays.stream(c).boxed().toList());
    }

    @Test
    void aShrinkingLagKeepsTheWaitAliveLongPastTheStallPeriod() {
        ProgressWatch w = ProgressWatch.start(T0).observe(m(0, 500), T0);
        for (int minute = 4; minute <= 40; minute += 4) {
            w = w.observe(m(0, 500 - minute * 10L), T0.plus(Duration.ofMinutes(minute)));
            assertFalse(w.stalled(T0.plus(Duration.ofMinutes(minute)), STALL));
        }
        assertEquals(Duration.ZERO, w.stalledFor(T0.plus(Duration.ofMinutes(40))));
    }

    @Test
    void noImprovementForTheWholeStallPeriodIsAFailure() {
        ProgressWatch w = ProgressWatch.start(T0).observe(m(1, 4), T0);
        w = w.observe(m(1, 4), T0.plus(Duration.ofMinutes(3)));
        assertFalse(w.stalled(T0.plus(Duration.ofMinutes(3)), STALL));
        w = w.observe(m(1, 4), T0.plus(Duration.ofMinutes(5)));
        assertTrue(w.stalled(T0.plus(Duration.ofMinutes(5)), STALL));
    }

    @Test
    void goingBackUpAfterImprovingIsNotProgress() {
        ProgressWatch w = ProgressWatch.start(T0).observe(m(0, 10), T0).observe(m(0, 5), T0.plusSeconds(60));
        w = w.observe(m(0, 8), T0.plusSeconds(120)).observe(m(0, 6), T0.plusSeconds(180));
        assertEquals(Duration.ofSeconds(120), w.stalledFor(T0.plusSeconds(180)));
        assertEquals(List.of(0L, 5L), w.best());
    }

    @Test
    void anUnreadableClusterDoesNotCountAsProgress() {
        ProgressWatch w = ProgressWatch.start(T0).observe(m(1, 3), T0);
        w = w.observe(RecoveryMeasure.unknown(), T0.plus(STALL));
        assertTrue(w.stalled(T0.plus(STALL), STALL));
    }
}
