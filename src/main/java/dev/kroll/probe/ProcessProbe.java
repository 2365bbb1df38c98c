package dev.kroll.probe;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.ServiceControl;
import dev.kroll.inventory.ServiceManager;
import dev.kroll.inventory.Services;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/** Asks each host's service manager about its Kafka and ZooKeeper services, all hosts in parallel. */
public final class ProcessProbe {

    /** One service on one host. */
    public record Target(Host host, Role service) {
    }

    private final List<Target> targets;
    private final Services services;
    private final RemoteCommands remote;
    private final Duration timeout;
    private final Map<Target, Reading<ProcessState>> last = new HashMap<>();

    public ProcessProbe(List<Host> hosts, Services services, RemoteCommands remote, Duration timeout) {
        List<Target> t = new ArrayList<>();
        for (Host h : hosts) {
            for (Role r : List.of(Role.ZOOKEEPER, Role.KAFKA)) {
                if (h.has(r)) {
                    t.add(new Target(h, r));
                }
            }
        }
        this.targets = List.copyOf(t);
        this.services = services;
        this.remote = remote;
        this.timeout = timeout;
    }

    public List<ProcessSnapshot> read(ExecutorService pool, Instant now) {
        Map<Target, Reading<ProcessState>> previous;
        synchronized (last) {
            previous = new HashMap<>(last);
        }
        List<ProcessSnapshot> out = Parallel.map(pool, targets, t -> readOne(t, previous.get(t), now), timeout,
                (t, e) -> new ProcessSnapshot(t.host().name(), t.service(),
                        Reading.failed(previous.get(t), now, Why.failed(e, "ssh " + t.host().name(), timeout))));
        synchronized (last) {
            for (int i = 0; i < targets.size(); i++) {
                last.put(targets.get(i), out.get(i).state());
            }
        }
        return out;
    }

    private ProcessSnapshot readOne(Target t, Reading<ProcessState> previous, Instant now) {
        ServiceControl control = services.of(t.service());
        Reading<ProcessState> r;
        try {
            if (services.manager() == ServiceManager.SYSTEMD) {
                RemoteCommands.Result res = remote.run(t.host(), ServiceStateParser.systemdCommand(control.unit()), timeout);
                r = res.stdout().contains("ActiveState=") ? Reading.ok(ServiceStateParser.systemd(res.stdout()), now)
                        : Reading.failed(previous, now, "systemctl show " + control.unit() + " failed: " + firstLine(res.stderr()));
            } else {
                RemoteCommands.Result res = remote.run(t.host(), control.status(), timeout);
                r = Reading.ok(ServiceStateParser.script(res.exitCode(), res.stdout()), now);
            }
        } catch (Exception e) {
            r = Reading.failed(previous, now, Why.failed(e, "ssh " + t.host().name(), timeout));
        }
        return new ProcessSnapshot(t.host().name(), t.service(), r);
    }

    private static String firstLine(String s) {
        String t = s == null ? "" : s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
