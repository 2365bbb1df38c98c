package dev.kroll.plan.firewall;

import java.util.List;

/**
 * One managed group of ports on a host and the sources allowed to reach them; every other source is
 * dropped on those ports. Sources are IP addresses or CIDR blocks.
 */
public record FirewallRule(String label, List<Integer> ports, List<String> sources) {

    public FirewallRule {
        ports = List.copyOf(ports);
        sources = List.copyOf(sources);
    }
}
