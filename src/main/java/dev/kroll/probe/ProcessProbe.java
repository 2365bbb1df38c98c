package dev.kroll.probe;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.ServiceControl;
import dev.kroll.inventory.Services;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Asks each host's service manager about its Kafka and ZooKeeper services: one command per host
 * ({@link ServiceQuery}), all hosts in parallel. Service states change rarely and each read starts
 * processes on the host, so a host whose states were all read fine within {@code every} is not asked
 * again; its last reading (with its time) is returned. A failed read is retried on the next refresh.
 */
public final class ProcessProbe {

    /** One service on one host. */
    public record Target(Host host, Role service) {
    }

    private final List<Host> hosts;
    private final List<Target> targets;
    private final Services services;
    private final RemoteCommands remote;
    private final Duration timeout;
    private final Duration every;
    private final Map<Target, Reading<ProcessState>> last = new HashMap<>();

    /** @param every how long a good reading of a host is reused (zero: every refresh asks) */
    public ProcessProbe(List<Host> hosts, Services services, RemoteCommands remote, Duration timeout, Duration every) {
        List<Host> h = new ArrayList<>();
        List<Target> t = new ArrayList<>();
        for (Host host : hosts) {
            List<Role> roles = roles(host);
            if (!roles.isEmpty()) {
                h.add(host);
                roles.forEach(r -> t.add(new Target(host, r)));
            }
        }
        this.hosts = List.copyOf(h);
        this.targets = List.copyOf(t);
        this.services = services;
        this.remote = remote;
        this.timeout = timeout;
        this.every = every;
    }

    private static List<Role> roles(Host h) {
        return List.of(Role.ZOOKEEPER, Role.KAFKA).stream().filter(h::has).toList();
    }

    public List<ProcessSnapshot> read(ExecutorService pool, Instant now) {
        Map<Target, Reading<ProcessState>> previous;
        synchronized (last) {
            previous = new HashMap<>(last);
        }
        List<List<ProcessSnapshot>> perHost = Parallel.map(pool, hosts, h -> readHost(h, previous, now), timeout,
                (h, e) -> failed(h, previous, now, Why.failed(e, "ssh " + h.name(), timeout)));
        List<ProcessSnapshot> out = perHost.stream().flatMap(List::stream).toList();
        synchronized (last) {
            for (int i = 0; i < targets.size(); i++) {
                last.put(targets.get(i), out.get(i).state());
            }
        }
        return out;
    }

    private List<ProcessSnapshot> readHost(Host h, Map<Target, Reading<ProcessState>> previous, Instant now) {
        List<Role> roles = roles(h);
        List<Reading<ProcessState>> kept = roles.stream().map(r -> previous.get(new Target(h, r))).toList();
        if (!every.isZero() && kept.stream().allMatch(r -> r != null && r.isOk()
                && Duration.between(r.freshness().lastGood(), now).compareTo(every) < 0)) {
            return snapshots(h, roles, kept);
        }
        try {
            List<ServiceControl> controls = roles.stream().map(services::of).toList();
            RemoteCommands.Result res = remote.run(h, ServiceQuery.command(services.manager(), controls), timeout);
            List<ProcessState> states = ServiceQuery.parse(services.manager(), roles.size(), res);
            return snapshots(h, roles, states.stream().map(s -> Reading.ok(s, now)).toList());
        } catch (Exception e) {
            return failed(h, previous, now, e instanceof IllegalStateException ? e.getMessage() : Why.failed(e, "ssh " + h.name(), timeout));
        }
    }

    private static List<ProcessSnapshot> failed(Host h, Map<Target, Reading<ProcessState>> previous, Instant now, String why) {
        List<Role> roles = roles(h);
        return snapshots(h, roles, roles.stream().map(r -> Reading.failed(previous.get(new Target(h, r)), now, why)).toList());
    }

    private static List<ProcessSnapshot> snapshots(Host h, List<Role> roles, List<Reading<ProcessState>> readings) {
        List<ProcessSnapshot> out = new ArrayList<>();
        for (int i = 0; i < roles.size(); i++) {
            out.add(new ProcessSnapshot(h.name(), roles.get(i), readings.get(i)));
        }
        return out;
    }
}
