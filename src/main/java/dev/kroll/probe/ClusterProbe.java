package dev.kroll.probe;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Reads the whole cluster: ZooKeeper, Kafka, JMX, services and certificates in parallel, each with
 * its own timeout, into one {@link ClusterSnapshot}. Connections and clients are opened once and
 * kept across refreshes; {@link #history()} keeps the recent snapshots.
 */
public final class ClusterProbe implements AutoCloseable {

    /**
     * @param timeout               per-source timeout of one refresh
     * @param jmx                   how JMX is reached: through SSH tunnels, directly, or not at all
     * @param jmxOnHostAddress      JMX is bound to the host's address rather than its loopback
     * @param kafkaClientProperties extra AdminClient settings (SSL), and which port to bootstrap from
     * @param servicesEvery         a host whose service states were read fine within this is not asked again
     *                              (each read starts processes on the host); zero: every refresh
     */
    public record Options(Duration timeout, JmxAccess jmx, boolean jmxOnHostAddress,
                          Map<String, String> kafkaClientProperties, boolean certificates, int historySize,
                          Duration servicesEvery) {

        /** Service states are re-read at most every 5 s. */
        public static final Duration SERVICES_EVERY = Duration.ofSeconds(5);

        public static Options defaults() {
            return new Options(Duration.ofSeconds(2), JmxAccess.TUNNEL, false, Map.of(), true, SnapshotHistory.DEFAULT_CAPACITY,
                    SERVICES_EVERY);
        }

        public Options withTimeout(Duration t) {
            return new Options(t, jmx, jmxOnHostAddress, kafkaClientProperties, certificates, historySize, servicesEvery);
        }

        public Options withJmx(JmxAccess a, boolean onHostAddress) {
            return new Options(timeout, a, onHostAddress, kafkaClientProperties, certificates, historySize, servicesEvery);
        }

        public Options withKafkaClientProperties(Map<String, String> p) {
            return new Options(timeout, jmx, jmxOnHostAddress, Map.copyOf(p), certificates, historySize, servicesEvery);
        }

        public Options withServicesEvery(Duration d) {
            return new Options(timeout, jmx, jmxOnHostAddress, kafkaClientProperties, certificates, historySize, d);
        }
    }

    public enum JmxAccess { TUNNEL, DIRECT, NONE }

    private final Inventory inventory;
    private final Clock clock;
    private final Duration timeout;
    private final ExecutorService pool;
    private final ZkSession session;
    private final ZooKeeperProbe zookeeper;
    private final KafkaProbe kafka;
    private final JmxProbe jmx;
    private final ProcessProbe processes;
    private final CertificateProbe certificates;
    private final boolean readsJmx;
    private volatile SnapshotHistory history;

    /**
     * @param remote  runs service-manager commands on hosts; null leaves services out
     * @param tunnels opens SSH forwards for JMX; null leaves tunnelled JMX out
     */
    public ClusterProbe(Inventory inventory, Options o, RemoteCommands remote, TunnelOpener tunnels, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
        this.timeout = o.timeout();
        this.pool = Executors.newCachedThreadPool(daemons());
        this.history = SnapshotHistory.empty(o.historySize());
        List<ZkTarget> zk = inventory.hosts(Role.ZOOKEEPER).stream().map(ZkTarget::of).toList();
        this.session = zk.isEmpty() ? null : ZkSession.start(zk, inventory.zookeeperChroot(), timeout, clock);
        this.zookeeper = new ZooKeeperProbe(zk, session, timeout);
        boolean ssl = "SSL".equalsIgnoreCase(o.kafkaClientProperties().get("security.protocol"));
        List<Host> brokers = inventory.hosts(Role.KAFKA);
        this.kafka = new KafkaProbe(brokers.stream().map(h -> KafkaTarget.of(h, ssl ? h.ports().kafkaSsl() : h.ports().kafkaPlaintext())).toList(),
                session, o.kafkaClientProperties(), timeout);
        List<JmxTarget> jmxTargets = switch (o.jmx()) {
            case NONE -> List.of();
            case DIRECT -> brokers.stream().map(JmxTarget::direct).toList();
            case TUNNEL -> tunnels == null ? List.of() : brokers.stream()
                    .map(h -> o.jmxOnHostAddress() ? new JmxTarget(h, h.address(), h.ports().kafkaJmx(), true) : JmxTarget.tunnelled(h)).toList();
        };
        this.jmx = new JmxProbe(jmxTargets, tunnels, timeout);
        this.readsJmx = !jmxTargets.isEmpty();
        this.processes = remote == null ? null : new ProcessProbe(inventory.hosts(), inventory.services(), remote, timeout, o.servicesEvery());
        this.certificates = o.certificates() && !brokers.isEmpty() ? certificateProbe(inventory, brokers, timeout) : null;
    }

    private static CertificateProbe certificateProbe(Inventory inventory, List<Host> brokers, Duration timeout) {
        try {
            return new CertificateProbe(brokers.stream().map(h -> new CertificateProbe.Target(h.name(), h.address(), h.ports().kafkaSsl())).toList(),
                    CertificateProbe.trustFor(inventory.stateDir().resolve("pki").resolve("ca").resolve("ca.crt")),
                    timeout, Duration.ofMinutes(10));
        } catch (IOException | GeneralSecurityException e) {
            return null;
        }
    }

    private static ThreadFactory daemons() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "kroll-probe-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One refresh; never throws for an unreachable part of the cluster. */
    public synchronized ClusterSnapshot refresh() {
        Instant now = clock.instant();
        Future<ZooKeeperSnapshot> zk = pool.submit(() -> zookeeper.read(pool, now));
        Future<KafkaSnapshot> k = pool.submit(() -> kafka.read(pool, now));
        Future<List<JmxSnapshot>> j = pool.submit(() -> jmx.read(pool, now, h -> null));
        Future<List<ProcessSnapshot>> p = processes == null ? null : pool.submit(() -> processes.read(pool, now));
        Future<List<CertificateSnapshot>> c = certificates == null ? null : pool.submit(() -> certificates.read(pool, now));
        ZooKeeperSnapshot zks = await(zk, () -> new ZooKeeperSnapshot(List.of(), new QuorumSummary(0, 0, false, null, List.of()),
                ZkSessionState.NOT_STARTED));
        KafkaSnapshot ks = await(k, () -> new KafkaSnapshot(List.of(), List.of(), Reading.unreachable("the Kafka probe did not finish"),
                Reading.unreachable("the Kafka probe did not finish"), List.of()));
        List<JmxSnapshot> js = await(j, List::of).stream()
                .map(x -> new JmxSnapshot(x.host(), ks.brokerHosts().stream().filter(h -> h.host().equals(x.host()))
                        .map(KafkaSnapshot.HostBroker::brokerId).filter(java.util.Objects::nonNull).findFirst().orElse(null), x.route(), x.metrics()))
                .toList();
        ClusterSnapshot s = new ClusterSnapshot(inventory.cluster(), now, zks, ks, js,
                p == null ? List.of() : await(p, List::of), c == null ? List.of() : await(c, List::of));
        history = history.with(s);
        return s;
    }

    /**
     * A partial refresh for a wait on the broker of {@code host}: the registrations in ZooKeeper and that broker's
     * JMX, nothing else (no ZooKeeper servers, AdminClient, other brokers, services or certificates). Cheap enough
     * to poll while the broker starts on the same small machine; not kept in {@link #history()}, which holds whole
     * snapshots only.
     */
    public synchronized ClusterSnapshot refreshBroker(String host) {
        Instant now = clock.instant();
        KafkaSnapshot ks = kafka.readRegistrations(now);
        java.util.function.Function<String, Integer> ids = h -> ks.brokerHosts().stream().filter(b -> b.host().equals(h))
                .map(KafkaSnapshot.HostBroker::brokerId).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<JmxSnapshot> js = jmx.readOne(pool, now, ids, host);
        ZooKeeperSnapshot zks = new ZooKeeperSnapshot(List.of(), new QuorumSummary(0, 0, false, null, List.of()),
                session == null ? ZkSessionState.NOT_STARTED : session.state());
        return new ClusterSnapshot(inventory.cluster(), now, zks, ks, js, List.of(), List.of());
    }

    /** Each probe bounds itself by the timeout; this guard only catches a probe that does not. */
    private <T> T await(Future<T> f, Supplier<T> instead) {
        try {
            return f.get(timeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return instead.get();
        } catch (Exception e) {
            f.cancel(true);
            return instead.get();
        }
    }

    /**
     * Whether broker {@code id} is registered in ZooKeeper, from one lookup rather than a refresh; empty when
     * there is no ZooKeeper session or it cannot answer now.
     */
    public java.util.Optional<Boolean> registered(int id) {
        if (session == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new RegistrationReader(session, timeout).registered(id));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    public SnapshotHistory history() {
        return history;
    }

    public HealthVerdict verdict(ClusterSnapshot s) {
        return HealthRules.judge(s);
    }

    /** Whether JMX is read at all (false when tunnels were asked for but no SSH sessions exist). */
    public boolean readsJmx() {
        return readsJmx;
    }

    public boolean readsServices() {
        return processes != null;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        jmx.close();
        kafka.close();
        if (session != null) {
            session.close();
        }
    }
}
