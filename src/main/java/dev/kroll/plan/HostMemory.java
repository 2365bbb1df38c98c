package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.util.ByteSize;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the planner knows of each host's RAM, and from where: gathered facts first, then the
 * inventory's {@code memory}, then an operator's {@code --memory} assumption.
 *
 * @param sizes   RAM per host name (hosts with no source are absent)
 * @param sources per host name: "facts", "inventory" or "--memory"
 */
public record HostMemory(Map<String, ByteSize> sizes, Map<String, String> sources) {

    public HostMemory {
        sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
        sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    public static HostMemory resolve(Inventory inv, Map<String, ByteSize> facts, Optional<ByteSize> assumption) {
        Map<String, ByteSize> sizes = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Host h : inv.hosts()) {
            if (facts.containsKey(h.name())) {
                sizes.put(h.name(), facts.get(h.name()));
                sources.put(h.name(), "facts");
            } else if (h.memory() != null) {
                sizes.put(h.name(), h.memory());
                sources.put(h.name(), "inventory");
            } else if (assumption.isPresent()) {
                sizes.put(h.name(), assumption.get());
                sources.put(h.name(), "--memory");
            }
        }
        return new HostMemory(sizes, sources);
    }

    public Optional<String> source(String host) {
        return Optional.ofNullable(sources.get(host));
    }
}
