package dev.kroll.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The properties of one service on one host after layering, each with its provenance. Insertion order is kept. */
public record EffectiveConfig(Map<String, ConfigValue> values) {

    public static final EffectiveConfig EMPTY = new EffectiveConfig(Map.of());

    public EffectiveConfig {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(ConfigValue::value);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
