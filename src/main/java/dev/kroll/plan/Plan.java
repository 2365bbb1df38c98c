package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.util.Problem;
import java.util.List;
import java.util.Optional;

/** The whole cluster's plan: IDs, heaps, JVM options and configuration per host, plus every problem found. */
public record Plan(Inventory inventory, IdAllocation ids, List<HostPlan> hosts, List<Problem> problems) {

    public Plan {
        hosts = List.copyOf(hosts);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    public Optional<HostPlan> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** Where this host's TLS material lives. */
    public TlsLayout tls(Host host) {
        return TlsLayout.of(inventory, host);
    }
}
