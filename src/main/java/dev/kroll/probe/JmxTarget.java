package dev.kroll.probe;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.JmxLoopback;

/**
 * Where a broker's JMX listens, as seen from its own host.
 *
 * @param bindAddress the address JMX is bound to on the host ({@code 127.0.0.1} when bound to loopback)
 * @param tunnel      reach it through an SSH tunnel over kroll's connection (else directly)
 */
public record JmxTarget(Host host, String bindAddress, int port, boolean tunnel) {

    /**
     * JMX bound to the host's own loopback address ({@link JmxLoopback}, as kroll renders it) on
     * {@code Ports.kafkaJmx()}, reached through a tunnel.
     */
    public static JmxTarget tunnelled(Host h) {
        return new JmxTarget(h, JmxLoopback.address(h), h.ports().kafkaJmx(), true);
    }

    /** JMX reached directly on the host's address. */
    public static JmxTarget direct(Host h) {
        return new JmxTarget(h, h.address(), h.ports().kafkaJmx(), false);
    }

    public String route() {
        return (tunnel ? "ssh tunnel to " : "direct ") + HostPorts.format(bindAddress, port);
    }
}
