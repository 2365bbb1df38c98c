package dev.kroll.probe;

import java.util.function.Function;

/** The broker meters whose rates {@link SnapshotHistory} computes. */
public enum Meter {
    MESSAGES_IN(BrokerMetrics::messagesIn),
    BYTES_IN(BrokerMetrics::bytesIn),
    BYTES_OUT(BrokerMetrics::bytesOut),
    ISR_SHRINKS(BrokerMetrics::isrShrinks),
    ISR_EXPANDS(BrokerMetrics::isrExpands);

    private final Function<BrokerMetrics, MeterReading> reading;

    Meter(Function<BrokerMetrics, MeterReading> reading) {
        this.reading = reading;
    }

    public long count(BrokerMetrics m) {
        return reading.apply(m).count();
    }
}
