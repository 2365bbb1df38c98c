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
 * @param brokerPorts the host's Kafka listener ports: hosts sharing one address (the sandbox without
 *                  loopback aliases) are told apart by them; empty: any port
 */
public record KafkaTarget(String host, String address, List<String> names, Integer pinnedId, int port, List<Integer> brokerPorts) {

    public KafkaTarget {
        names = List.copyOf(names);
        brokerPorts = List.copyOf(brokerPorts);
    }

    public KafkaTarget(String host, String address, List<String> names, Integer pinnedId, int port) {
        this(host, address, names, pinnedId, port, List.of());
    }

    /** Whether a registration on {@code listenerPort} can be this host's broker. */
    public boolean listensOn(int listenerPort) {
        return brokerPorts.isEmpty() || brokerPorts.contains(listenerPort);
    }

    public static KafkaTarget of(Host h, int port) {
        List<String> names = new ArrayList<>();
        names.add(h.name());
        names.add(h.shortName());
        names.addAll(h.aliases());
        names.add(h.address());
        return new KafkaTarget(h.name(), h.address(), names.stream().distinct().toList(), h.brokerId(), port,
                List.of(h.ports().kafkaPlaintext(), h.ports().kafkaSsl()));
    }

    public String bootstrap() {
        return HostPorts.format(address, port);
    }
}
