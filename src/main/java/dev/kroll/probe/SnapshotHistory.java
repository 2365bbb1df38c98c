package dev.kroll.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The last few snapshots, oldest first, as an immutable value: {@link #with} returns a new history.
 * Rates (per second) come from meter counts of consecutive fresh JMX readings, so the dashboard's
 * figures and sparklines cost no extra calls.
 */
public final class SnapshotHistory {

    public static final int DEFAULT_CAPACITY = 120;

    private final int capacity;
    private final List<ClusterSnapshot> snapshots;

    private SnapshotHistory(int capacity, List<ClusterSnapshot> snapshots) {
        this.capacity = capacity;
        this.snapshots = List.copyOf(snapshots);
    }

    public static SnapshotHistory empty(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a history needs room for two snapshots to give rates");
        }
        return new SnapshotHistory(capacity, List.of());
    }

    public SnapshotHistory with(ClusterSnapshot s) {
        List<ClusterSnapshot> next = new ArrayList<>(snapshots.size() + 1);
        next.addAll(snapshots.size() >= capacity ? snapshots.subList(snapshots.size() - capacity + 1, snapshots.size()) : snapshots);
        next.add(s);
        return new SnapshotHistory(capacity, next);
    }

    public List<ClusterSnapshot> snapshots() {
        return snapshots;
    }

    public Optional<ClusterSnapshot> latest() {
        return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
    }

    public int size() {
        return snapshots.size();
    }

    /** The broker's latest rate of {@code meter} per second, if two fresh readings exist. */
    public OptionalDouble rate(int brokerId, Meter meter) {
        double[] series = series(brokerId, meter, 1);
        return series.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(series[0]);
    }

    /** The cluster's rate: the sum over brokers that have one. */
    public OptionalDouble clusterRate(Meter meter) {
        Optional<ClusterSnapshot> last = latest();
        if (last.isEmpty()) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        boolean any = false;
        for (JmxSnapshot j : last.get().jmx()) {
            if (j.brokerId() != null) {
                OptionalDouble r = rate(j.brokerId(), meter);
                if (r.isPresent()) {
                    sum += r.getAsDouble();
                    any = true;
                }
            }
        }
        return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    /**
     * Up to {@code points} most recent per-second rates of {@code meter} for the broker, oldest
     * first (a sparkline). Pairs across a restart (count went down) or a stale reading are skipped.
     */
    public double[] series(int brokerId, Meter meter, int points) {
        List<Double> rates = new ArrayList<>();
        Sample newer = null;
        for (int i = snapshots.size() - 1; i >= 0 && rates.size() < points; i--) {
            Sample s = sample(snapshots.get(i), brokerId, meter);
            if (s == null) {
                continue;
            }
            if (newer != null && newer.at.isAfter(s.at) && newer.count >= s.count) {
                double seconds = Duration.between(s.at, newer.at).toNanos() / 1e9;
                rates.add((newer.count - s.count) / seconds);
            }
            newer = s;
        }
        double[] out = new double[rates.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rates.get(out.length - 1 - i);
        }
        return out;
    }

    private record Sample(Instant at, long count) {
    }

    private static Sample sample(ClusterSnapshot s, int brokerId, Meter meter) {
        return s.jmx(brokerId).filter(j -> j.metrics().isOk())
                .map(j -> new Sample(j.metrics().freshness().lastGood(), meter.count(j.metrics().value())))
                .orElse(null);
    }
}
