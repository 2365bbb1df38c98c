package dev.kroll.rollout.gate;

import java.util.List;

/**
 * How far something still is from healthy, as counts that shrink while it recovers (e.g. partitions
 * not yet back in the ISR, logs left to recover). An empty measure means "could not read".
 */
public record RecoveryMeasure(List<Long> components) {

    public RecoveryMeasure {
        components = List.copyOf(components);
    }

    public static RecoveryMeasure unknown() {
        return new RecoveryMeasure(List.of());
    }

    public boolean known() {
        return !components.isEmpty();
    }
}
