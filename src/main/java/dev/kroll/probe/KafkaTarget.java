package dev.kroll.probe;

import dev.kroll.inventory.Host;
import java.util.ArrayList;
import java.util.List;

/**
 * A broker host of the inventory and how the probe reaches it.
 *
 * @param names     every name the broker may register under (host name, short name, aliases, address)
 * @param pinnedId  the broker id the inventory pins, or null
 * @param port      the listener the probe bootstraps from
 */
public record KafkaTarget(String host, String address, List<String> names, Integer pinnedId, int port) {

    public KafkaTarget {
        names = List.copyOf(names);
    }

    public static KafkaTarget of(Host h, int port) {
        List<String> names = new ArrayList<>();
        names.add(h.name());
        names.add(h.shortName());
        names.addAll(h.aliases());
        names.add(h.address());
        return new KafkaTarget(h.name(), h.address(), names.stream().distinct().toList(), h.brokerId(), port);
    }

    public String bootstrap() {
        return HostPorts.format(address, port);
    }
}
