package dev.kroll.plan.monitoring;

import dev.kroll.inventory.Host;

/** Where a host's JMX listens: its loopback, or its own address when that is a loopback alias (the sandbox). */
final class JmxAddress {

    private JmxAddress() {
    }

    static String of(Host host) {
        return host.address().startsWith("127.") ? host.address() : "127.0.0.1";
    }
}
