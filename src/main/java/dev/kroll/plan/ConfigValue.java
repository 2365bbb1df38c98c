package dev.kroll.plan;

import java.util.List;

/**
 * One effective property: its value, the origin that won, and the lower layers it overrode (lowest first).
 */
public record ConfigValue(String key, String value, Origin origin, List<Overridden> overridden) {

    /** A value a higher layer replaced. */
    public record Overridden(String value, Origin origin) {
    }

    public ConfigValue {
        overridden = List.copyOf(overridden);
    }

    public static ConfigValue of(String key, String value, Origin origin) {
        return new ConfigValue(key, value, origin, List.of());
    }

    /** This value replaced by a higher layer's, remembering this one. */
    public ConfigValue overriddenBy(String newValue, Origin newOrigin) {
        List<Overridden> chain = new java.util.ArrayList<>(overridden);
        chain.add(new Overridden(value, origin));
        return new ConfigValue(key, newValue, newOrigin, chain);
    }
}
