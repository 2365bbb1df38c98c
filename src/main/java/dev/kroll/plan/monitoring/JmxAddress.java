package dev.kroll.plan.monitoring;

import dev.kroll.inventory.Host;
import dev.kroll.plan.JvmOptionsBuilder;

/** Where a host's JMX listens: its loopback, or its own address when that is a loopback alias (the sandbox). */
final class JmxAddress {

    private JmxAddress() {
    }

    static String of(Host host) {
        return JvmOptionsBuilder.jmxAddress(host); // the address the rendered KAFKA_JMX_OPTS bind to
    }
}
