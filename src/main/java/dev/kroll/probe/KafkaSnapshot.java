package dev.kroll.probe;

import java.util.List;
import java.util.Optional;

/**
 * Kafka as seen from the jump host. Three sources with their own freshness: the AdminClient's view
 * ({@code cluster}), the registrations in ZooKeeper and each broker's log directories.
 *
 * @param expectedBrokers broker hosts in the inventory, in inventory order (host names)
 * @param brokerHosts     for each expected host, the broker id registered from it, if known
 */
public record KafkaSnapshot(List<String> expectedBrokers, List<HostBroker> brokerHosts,
                            Reading<KafkaCluster> cluster, Reading<Registrations> registrations,
                            List<BrokerLogDirs> logDirs) {

    public KafkaSnapshot {
        expectedBrokers = List.copyOf(expectedBrokers);
        brokerHosts = List.copyOf(brokerHosts);
        logDirs = List.copyOf(logDirs);
    }

    /** An inventory broker host and the broker id seen for it (null while none registered from it). */
    public record HostBroker(String host, Integer brokerId) {
    }

    public Optional<String> hostOf(int brokerId) {
        return brokerHosts.stream().filter(h -> h.brokerId() != null && h.brokerId() == brokerId)
                .map(HostBroker::host).findFirst();
    }

    /** {@code broker 2 (kafka2)} or {@code broker 2}. */
    public String label(int brokerId) {
        return "broker " + brokerId + hostOf(brokerId).map(h -> " (" + h + ")").orElse("");
    }
}
