package dev.kroll.probe;

import java.time.Instant;
import java.util.List;

/**
 * A broker's ephemeral registration in ZooKeeper ({@code /brokers/ids/<id>}).
 *
 * @param endpoints its listeners as registered, e.g. {@code PLAINTEXT://kafka1:9092}
 * @param since     when it registered (the znode's timestamp), or null
 */
public record BrokerRegistration(int id, String host, int port, List<String> endpoints, String rack, Instant since) {

    public BrokerRegistration {
        endpoints = List.copyOf(endpoints);
    }
}
