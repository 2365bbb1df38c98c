package dev.kroll.probe;

import static dev.kroll.probe.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadingTest {

    @Test
    void aFailedReadKeepsTheLastGoodValueAsStaleWithItsAge() {
        Reading<String> good = Reading.ok("v1", T0);
        Reading<String> failed = Reading.failed(good, T0.plusSeconds(12), "connection refused");
        assertEquals(Freshness.Status.STALE, failed.freshness().status());
        assertEquals("v1", failed.value());
        assertEquals(Duration.ofSeconds(12), failed.freshness().age(T0.plusSeconds(12)));
        assertEquals("stale 12s: connection refused", failed.freshness().describe(T0.plusSeconds(12)));
        Reading<String> again = Reading.failed(failed, T0.plusSeconds(20), "connection refused");
        assertEquals(T0, again.freshness().lastGood());
    }

    @Test
    void withoutAGoodValueOrAfterTooLongAFailedReadIsUnreachable() {
        assertEquals(Freshness.Status.UNREACHABLE, Reading.failed(null, T0, "no route").freshness().status());
        Reading<String> old = Reading.failed(Reading.ok("v1", T0), T0.plus(Reading.KEEP_STALE).plusSeconds(1), "down");
        assertEquals(Freshness.Status.UNREACHABLE, old.freshness().status());
        assertNull(old.value());
        assertEquals("unreachable: down", old.freshness().describe(T0));
    }
}
