package dev.kroll.rollout.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Progress-based waiting: remembers the best value seen of each component of a
 * {@link RecoveryMeasure} and when any of them last improved. A recovering broker may take long
 * (log recovery, catching up a big backlog); it only counts as failed when nothing improved for a
 * whole stall period. Immutable: {@link #observe} returns the next state.
 */
public record ProgressWatch(List<Long> best, Instant lastProgress) {

    public ProgressWatch {
        best = List.copyOf(best);
    }

    public static ProgressWatch start(Instant now) {
        return new ProgressWatch(List.of(), now);
    }

    public ProgressWatch observe(RecoveryMeasure m, Instant now) {
        if (!m.known()) {
            return this;
        }
        if (best.size() != m.components().size()) {
            return new ProgressWatch(m.components(), now);
        }
        boolean improved = false;
        List<Long> next = new ArrayList<>(best);
        for (int i = 0; i < next.size(); i++) {
            long v = m.components().get(i);
            if (v < next.get(i)) {
                next.set(i, v);
                improved = true;
            }
        }
        return improved ? new ProgressWatch(next, now) : this;
    }

    public Duration stalledFor(Instant now) {
        return Duration.between(lastProgress, now);
    }

    public boolean stalled(Instant now, Duration limit) {
        return stalledFor(now).compareTo(limit) >= 0;
    }
}
