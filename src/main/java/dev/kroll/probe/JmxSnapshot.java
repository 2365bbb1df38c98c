package dev.kroll.probe;

/**
 * One broker's JMX reading.
 *
 * @param host     the inventory host
 * @param brokerId the broker id when known (registered from that host), or null
 * @param route    how JMX was reached, e.g. {@code ssh tunnel to 127.0.0.1:9999} or {@code direct 10.0.0.5:9999}
 */
public record JmxSnapshot(String host, Integer brokerId, String route, Reading<BrokerMetrics> metrics) {
}
