package dev.kroll.probe;

/**
 * A Kafka meter ({@code Count} and {@code OneMinuteRate}). Rates between two snapshots come from
 * the counts ({@link SnapshotHistory#rate}); the one-minute rate is the broker's own smoothing.
 */
public record MeterReading(long count, double oneMinuteRate) {

    public static final MeterReading NONE = new MeterReading(0, 0);
}
