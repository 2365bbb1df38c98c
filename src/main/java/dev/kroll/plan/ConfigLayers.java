package dev.kroll.plan;

import dev.kroll.inventory.Group;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Stacks one service's settings: kroll defaults, then the cluster, then the host's groups in the
 * host's order, then the host itself. Each value keeps every origin it passed through.
 */
public final class ConfigLayers {

    private ConfigLayers() {
    }

    public static Map<String, ConfigValue> merge(Inventory inv, Host host, Role role, Map<String, String> defaults) {
        boolean broker = role == Role.KAFKA;
        Map<String, ConfigValue> out = new LinkedHashMap<>();
        defaults.forEach((k, v) -> out.put(k, ConfigValue.of(k, v, Origin.DEFAULT)));
        apply(out, broker ? inv.broker() : inv.zookeeper(), s -> new Origin(Layer.CLUSTER, null, s.pos()));
        for (String name : host.groups()) {
            Group g = inv.groups().get(name);
            if (g != null) {
                apply(out, broker ? g.broker() : g.zookeeper(), s -> new Origin(Layer.GROUP, name, s.pos()));
            }
        }
        apply(out, broker ? host.broker() : host.zookeeper(), s -> new Origin(Layer.HOST, host.name(), s.pos()));
        return out;
    }

    static void apply(Map<String, ConfigValue> out, Map<String, Setting> layer, Function<Setting, Origin> origin) {
        layer.forEach((k, s) -> {
            ConfigValue prev = out.get(k);
            out.put(k, prev == null ? ConfigValue.of(k, s.value(), origin.apply(s)) : prev.overriddenBy(s.value(), origin.apply(s)));
        });
    }

    /** Sets a value kroll derived, on top of whatever the layers said. */
    static void derive(Map<String, ConfigValue> out, String key, String value, String why) {
        ConfigValue prev = out.get(key);
        out.put(key, prev == null ? ConfigValue.of(key, value, Origin.derived(why)) : prev.overriddenBy(value, Origin.derived(why)));
    }
}
