package dev.kroll.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads Kafka: the AdminClient's view (brokers, controller, partitions, min ISR, log dirs) and the
 * registrations in ZooKeeper, in parallel. Clients are kept across refreshes; last good values are
 * kept as stale when a source fails.
 */
public final class KafkaProbe implements AutoCloseable {

    private final List<KafkaTarget> targets;
    private final KafkaAdminReader admin;
    private final RegistrationReader registrations;
    private final Duration timeout;
    private final Map<String, Integer> idByHost = new HashMap<>();
    private Reading<KafkaCluster> lastCluster;
    private Reading<Registrations> lastRegistrations;
    private Map<Integer, Reading<List<LogDir>>> lastLogDirs = Map.of();

    /**
     * @param session          kroll's ZooKeeper session for the registrations, or null to skip them
     * @param clientProperties extra AdminClient settings (e.g. {@code security.protocol=SSL} and the trust store)
     */
    public KafkaProbe(List<KafkaTarget> targets, ZkSession session, Map<String, String> clientProperties, Duration timeout) {
        this.targets = List.copyOf(targets);
        this.timeout = timeout;
        this.admin = new KafkaAdminReader(targets, clientProperties, timeout);
        this.registrations = session == null ? null : new RegistrationReader(session, timeout);
        targets.forEach(t -> {
            if (t.pinnedId() != null) {
                idByHost.put(t.host(), t.pinnedId());
            }
        });
    }

    public synchronized KafkaSnapshot read(ExecutorService pool, Instant now) {
        if (targets.isEmpty()) {
            return new KafkaSnapshot(List.of(), List.of(), Reading.unreachable("no broker in the inventory"),
                    Reading.unreachable("no broker in the inventory"), List.of());
        }
        Future<Registrations> regs = registrations == null ? null : pool.submit(registrations::read);
        Map<Integer, Reading<List<LogDir>>> logDirs = new HashMap<>();
        Reading<KafkaCluster> cluster;
        try {
            cluster = Reading.ok(admin.cluster(logDirs, lastLogDirs, now), now);
        } catch (Exception e) {
            cluster = Reading.failed(lastCluster, now, Why.failed(e, bootstrap(), timeout));
        }
        Reading<Registrations> reg;
        if (regs == null) {
            reg = Reading.unreachable("no ZooKeeper session");
        } else {
            try {
                reg = Reading.ok(regs.get(timeout.toMillis(), TimeUnit.MILLISECONDS), now);
            } catch (Exception e) {
                regs.cancel(true);
                reg = Reading.failed(lastRegistrations, now, Why.failed(e, "ZooKeeper", timeout));
            }
        }
        // brokers known before but not alive now keep their last log dirs as stale
        for (Map.Entry<Integer, Reading<List<LogDir>>> e : lastLogDirs.entrySet()) {
            logDirs.computeIfAbsent(e.getKey(), id -> Reading.failed(e.getValue(), now, "broker " + id + " is not in the cluster"));
        }
        lastCluster = cluster;
        lastRegistrations = reg;
        lastLogDirs = Map.copyOf(logDirs);
        reg.current().ifPresent(this::learnHostIds);
        List<KafkaSnapshot.HostBroker> hosts = targets.stream()
                .map(t -> new KafkaSnapshot.HostBroker(t.host(), idByHost.get(t.host()))).toList();
        List<BrokerLogDirs> dirs = new ArrayList<>();
        new java.util.TreeMap<>(logDirs).forEach((id, r) -> dirs.add(new BrokerLogDirs(id, r)));
        return new KafkaSnapshot(targets.stream().map(KafkaTarget::host).toList(), hosts, cluster, reg, dirs);
    }

    /**
     * The registrations in ZooKeeper only, without the AdminClient's cluster and log-dir reads: for a wait on one
     * broker, which polls often. The cluster reading says it was not read.
     */
    public synchronized KafkaSnapshot readRegistrations(Instant now) {
        Reading<Registrations> reg;
        if (registrations == null) {
            reg = Reading.unreachable("no ZooKeeper session");
        } else {
            try {
                reg = Reading.ok(registrations.read(), now);
            } catch (Exception e) {
                reg = Reading.failed(lastRegistrations, now, Why.failed(e, "ZooKeeper", timeout));
            }
        }
        reg.current().ifPresent(this::learnHostIds);
        List<KafkaSnapshot.HostBroker> hosts = targets.stream()
                .map(t -> new KafkaSnapshot.HostBroker(t.host(), idByHost.get(t.host()))).toList();
        return new KafkaSnapshot(targets.stream().map(KafkaTarget::host).toList(), hosts,
                Reading.unreachable("not read: registrations only"), reg, List.of());
    }

    /** Remembers which broker id registered from which host, so a broker that is down is still named. */
    private void learnHostIds(Registrations r) {
        for (KafkaTarget t : targets) {
            if (t.pinnedId() != null) {
                continue;
            }
            r.brokers().stream().filter(b -> RegistrationParser.from(b, t)).findFirst()
                    .ifPresent(b -> idByHost.put(t.host(), b.id()));
        }
    }

    private String bootstrap() {
        return targets.size() == 1 ? targets.get(0).bootstrap() : "any of " + targets.size() + " brokers";
    }

    @Override
    public void close() {
        admin.close();
    }
}
