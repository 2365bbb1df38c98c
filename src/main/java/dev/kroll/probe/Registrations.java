package dev.kroll.probe;

import java.util.List;
import java.util.Optional;

/**
 * Kafka's state in ZooKeeper: the brokers registered under {@code /brokers/ids} and the controller
 * elected in {@code /controller}.
 *
 * @param controller broker id in {@code /controller}, or null when no controller is elected
 */
public record Registrations(Integer controller, List<BrokerRegistration> brokers) {

    public Registrations {
        brokers = List.copyOf(brokers);
    }

    public Optional<BrokerRegistration> broker(int id) {
        return brokers.stream().filter(b -> b.id() == id).findFirst();
    }
}
