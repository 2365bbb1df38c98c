package dev.kroll.rollout.engine;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The values of a playbook's parameters for one run (defaults merged with {@code --param}). Never secret. */
public record RunParams(Map<String, String> values) {

    public RunParams {
        values = Map.copyOf(new TreeMap<>(values));
    }

    public boolean isTrue(String name) {
        String v = values.get(name);
        return v != null && switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            default -> false;
        };
    }
}
