package dev.kroll.tui.dashboard;

import dev.kroll.inventory.Role;
import dev.kroll.probe.BrokerLogDirs;
import dev.kroll.probe.BrokerMetrics;
import dev.kroll.probe.BrokerRegistration;
import dev.kroll.probe.CertificateInfo;
import dev.kroll.probe.CertificateSnapshot;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.JmxSnapshot;
import dev.kroll.probe.KafkaCluster;
import dev.kroll.probe.KafkaSnapshot;
import dev.kroll.probe.LogDir;
import dev.kroll.probe.MeterReading;
import dev.kroll.probe.PartitionHealth;
import dev.kroll.probe.PartitionIssue;
import dev.kroll.probe.ProcessSnapshot;
import dev.kroll.probe.ProcessState;
import dev.kroll.probe.Quorum;
import dev.kroll.probe.Reading;
import dev.kroll.probe.Registrations;
import dev.kroll.probe.ZkMode;
import dev.kroll.probe.ZkServerSnapshot;
import dev.kroll.probe.ZkServerStats;
import dev.kroll.probe.ZkSessionState;
import dev.kroll.probe.ZooKeeperSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Hand-built snapshots of a 3 ZooKeeper + 3 broker cluster for unit tests of the screens (the probe
 * itself is tested against real processes in its own package). {@code tick} advances time and counters
 * so rates and sparklines have something to show.
 */
public final class Snapshots {

    public static final Instant T0 = Instant.parse("2025-05-01T10:00:00Z");

    private Snapshots() {
    }

    /** A healthy cluster at tick {@code t} (2 s apart), counters growing by {@code rate} messages per second. */
    public static ClusterSnapshot healthy(int t) {
        return cluster(t, Set.of(), 0);
    }

    /**
     * The cluster with the brokers in {@code dead} killed: not registered, JMX refused, its replicas out
     * of every ISR, its service inactive.
     */
    public static ClusterSnapshot cluster(int t, Set<Integer> dead, long zxidBump) {
        Instant at = T0.plus(Duration.ofSeconds(2L * t));
        List<ZkServerSnapshot> servers = List.of(zk("zk1", ZkMode.FOLLOWER, at, zxidBump), zk("zk2", ZkMode.LEADER, at, zxidBump),
                zk("zk3", ZkMode.FOLLOWER, at, zxidBump));
        ZooKeeperSnapshot zk = new ZooKeeperSnapshot(servers, Quorum.summarize(servers), new ZkSessionState("CONNECTED", T0));
        List<KafkaCluster.BrokerNode> nodes = new ArrayList<>();
        List<BrokerRegistration> regs = new ArrayList<>();
        List<JmxSnapshot> jmx = new ArrayList<>();
        List<ProcessSnapshot> procs = new ArrayList<>();
        List<BrokerLogDirs> dirs = new ArrayList<>();
        List<CertificateSnapshot> certs = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            String host = "kafka" + id;
            boolean up = !dead.contains(id);
            if (up) {
                nodes.add(new KafkaCluster.BrokerNode(id, host, 9092, null));
                regs.add(new BrokerRegistration(id, host, 9092, List.of("PLAINTEXT://" + host + ":9092", "SSL://" + host + ":9093"),
                        "rack" + id, T0));
                jmx.add(new JmxSnapshot(host, id, "ssh tunnel to 127.0.0.1:9999", Reading.ok(metrics(t, id, dead.size()), at)));
                dirs.add(new BrokerLogDirs(id, Reading.ok(List.of(new LogDir("/var/lib/kafka/data", 5L << 30, 100L << 30, 60L << 30, null)), at)));
            } else {
                jmx.add(new JmxSnapshot(host, id, "ssh tunnel to 127.0.0.1:9999", Reading.unreachable("connection refused")));
                dirs.add(new BrokerLogDirs(id, Reading.unreachable("broker not available")));
            }
            procs.add(new ProcessSnapshot(host, Role.KAFKA, Reading.ok(new ProcessState(up, up ? "active" : "inactive", up ? 1000L + id : null, T0), at)));
            certs.add(new CertificateSnapshot(host, host + ":9093",
                    Reading.ok(new CertificateInfo("CN=" + host, "CN=kroll CA", T0.plus(Duration.ofDays(id == 3 ? 12 : 364)),
                            id == 3 ? 12 : 364, true, null), at)));
        }
        List<PartitionIssue> issues = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            List<Integer> replicas = List.of(1 + p % 3, 1 + (p + 1) % 3, 1 + (p + 2) % 3);
            List<Integer> isr = replicas.stream().filter(r -> !dead.contains(r)).toList();
            Integer leader = isr.isEmpty() ? null : isr.get(0);
            issues.add(new PartitionIssue("orders", p, leader, replicas, isr, 2));
        }
        Integer controller = nodes.isEmpty() ? null : nodes.get(0).id();
        KafkaCluster cluster = new KafkaCluster("c1", controller, nodes, PartitionHealth.of(1, 6, issues));
        KafkaSnapshot kafka = new KafkaSnapshot(List.of("kafka1", "kafka2", "kafka3"),
                List.of(new KafkaSnapshot.HostBroker("kafka1", 1), new KafkaSnapshot.HostBroker("kafka2", 2),
                        new KafkaSnapshot.HostBroker("kafka3", 3)),
                Reading.ok(cluster, at), Reading.ok(new Registrations(controller, regs), at), dirs);
        return new ClusterSnapshot("prod-eu", at, zk, kafka, jmx, procs, certs);
    }

    /** A healthy cluster before the SSL migration: brokers registered on PLAINTEXT only, nothing on port 9093. */
    public static ClusterSnapshot plaintextOnly(int t) {
        ClusterSnapshot s = healthy(t);
        Registrations r = s.kafka().registrations().value();
        List<BrokerRegistration> regs = r.brokers().stream().map(b -> new BrokerRegistration(b.id(), b.host(), b.port(),
                b.endpoints().stream().filter(e -> e.startsWith("PLAINTEXT://")).toList(), b.rack(), b.since())).toList();
        KafkaSnapshot k = s.kafka();
        KafkaSnapshot kafka = new KafkaSnapshot(k.expectedBrokers(), k.brokerHosts(), k.cluster(),
                Reading.ok(new Registrations(r.controller(), regs), s.takenAt()), k.logDirs());
        List<CertificateSnapshot> certs = s.certificates().stream()
                .map(c -> new CertificateSnapshot(c.host(), c.endpoint(), Reading.<CertificateInfo>unreachable("connection refused"))).toList();
        return new ClusterSnapshot(s.cluster(), s.takenAt(), s.zookeeper(), kafka, s.jmx(), s.processes(), certs);
    }

    private static ZkServerSnapshot zk(String host, ZkMode mode, Instant at, long zxidBump) {
        ZkServerStats st = new ZkServerStats(mode, "3.8.4", 0x100000002L + zxidBump, 0L, 0.5, 12L, 0L, 3L, 42L,
                mode == ZkMode.LEADER ? 2 : null, mode == ZkMode.LEADER ? 2 : null, ZkServerStats.Via.FOUR_LETTER_WORDS);
        return new ZkServerSnapshot(host, "127.0.0." + host.charAt(2), 2181, Reading.ok(st, at), List.of());
    }

    private static BrokerMetrics metrics(int t, int id, int deadBrokers) {
        long msgs = 1000L * t * (id + 1) + (long) t * t * 50;
        long bytes = msgs * 200;
        return new BrokerMetrics(BrokerMetrics.RUNNING, deadBrokers > 0 ? 2 : 0, 0, id == 1 ? 1 : 0, 0,
                new MeterReading(msgs, 0), new MeterReading(bytes, 0), new MeterReading(bytes * 2, 0),
                MeterReading.NONE, MeterReading.NONE, 0.83, 0.9, 4.2 + id, 500.0, (600L + 10 * t) << 20, 1L << 30, 120, 10);
    }
}
