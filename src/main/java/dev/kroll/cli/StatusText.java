package dev.kroll.cli;

import dev.kroll.probe.BrokerLogDirs;
import dev.kroll.probe.BrokerMetrics;
import dev.kroll.probe.BrokerRegistration;
import dev.kroll.probe.CertificateSnapshot;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.Durations;
import dev.kroll.probe.HealthVerdict;
import dev.kroll.probe.JmxSnapshot;
import dev.kroll.probe.KafkaCluster;
import dev.kroll.probe.KafkaSnapshot;
import dev.kroll.probe.LogDir;
import dev.kroll.probe.Meter;
import dev.kroll.probe.PartitionHealth;
import dev.kroll.probe.ProcessSnapshot;
import dev.kroll.probe.QuorumSummary;
import dev.kroll.probe.Registrations;
import dev.kroll.probe.SnapshotHistory;
import dev.kroll.probe.ZkServerSnapshot;
import dev.kroll.probe.ZkServerStats;
import dev.kroll.util.TextTable;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.OptionalDouble;

/** The one-screen text of {@code kroll status}: verdict and reasons first, then the tables. Pure. */
final class StatusText {

    private StatusText() {
    }

    static String render(ClusterSnapshot s, HealthVerdict v, SnapshotHistory h, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("cluster ").append(s.cluster()).append(": ").append(v.level().word().toUpperCase(Locale.ROOT))
                .append("   (").append(s.takenAt().truncatedTo(ChronoUnit.SECONDS)).append(", read in ").append(Durations.brief(took)).append(")\n");
        v.reasons().forEach(r -> out.append("  - ").append(r).append('\n'));
        out.append('\n').append(zookeeper(s));
        out.append('\n').append(kafka(s, h));
        if (!s.processes().isEmpty()) {
            out.append('\n').append(services(s));
        }
        if (!s.certificates().isEmpty()) {
            out.append('\n').append(certificates(s));
        }
        if (!v.notes().isEmpty()) {
            out.append("\nnotes:\n");
            v.notes().forEach(n -> out.append("  ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String zookeeper(ClusterSnapshot s) {
        if (s.zookeeper().servers().isEmpty()) {
            return "ZooKeeper: no server in the inventory\n";
        }
        TextTable t = new TextTable("ZOOKEEPER", "MODE", "ZXID", "LATENCY min/avg/max", "OUTSTANDING", "CONNECTIONS", "ZNODES", "READ");
        for (ZkServerSnapshot z : s.zookeeper().servers()) {
            ZkServerStats st = z.stats().value();
            t.row(z.host(), z.stats().isOk() ? st.mode().word() : "-", st == null ? "-" : st.zxidHex(),
                    st == null || st.latencyAvgMs() == null ? "-" : st.latencyMinMs() + "/" + st.latencyAvgMs() + "/" + st.latencyMaxMs() + " ms",
                    n(st == null ? null : st.outstandingRequests()), n(st == null ? null : st.connections()),
                    n(st == null ? null : st.znodeCount()), z.stats().freshness().describe(s.takenAt()));
        }
        QuorumSummary q = s.zookeeper().quorum();
        return t.render() + "quorum: " + (q.hasQuorum() ? "yes" : "NO") + ", " + q.serving() + " of " + q.members() + " serving"
                + (q.leader() == null ? "" : ", leader " + q.leader())
                + (q.hasQuorum() ? ", tolerates " + q.tolerance() + " more down" : "")
                + "; kroll's session " + s.zookeeper().session().state().toLowerCase(Locale.ROOT) + "\n";
    }

    private static String kafka(ClusterSnapshot s, SnapshotHistory h) {
        KafkaSnapshot k = s.kafka();
        if (k.expectedBrokers().isEmpty()) {
            return "Kafka: no broker in the inventory\n";
        }
        TextTable t = new TextTable("BROKER", "ID", "ALIVE", "STATE", "LISTENERS", "LOG DIRS", "MSG/S", "IN/S", "OUT/S", "HEAP", "JMX");
        Registrations reg = k.registrations().value();
        KafkaCluster c = k.cluster().value();
        for (KafkaSnapshot.HostBroker hb : k.brokerHosts()) {
            Integer id = hb.brokerId();
            BrokerRegistration r = reg == null || id == null ? null : reg.broker(id).orElse(null);
            boolean alive = id != null && k.cluster().isOk() && c.hasBroker(id);
            JmxSnapshot j = s.jmx().stream().filter(x -> x.host().equals(hb.host())).findFirst().orElse(null);
            BrokerMetrics m = j == null ? null : j.metrics().value();
            t.row(hb.host(), id == null ? "-" : id, alive ? "yes" : "NO", m == null ? "-" : m.brokerStateName(),
                    r == null ? "-" : String.join(",", r.endpoints()), logDirs(k, id),
                    rate(h, id, Meter.MESSAGES_IN, false), rate(h, id, Meter.BYTES_IN, true), rate(h, id, Meter.BYTES_OUT, true),
                    m == null ? "-" : Math.round(m.heapUsedFraction() * 100) + "%",
                    j == null ? "not read" : j.metrics().freshness().describe(s.takenAt()));
        }
        StringBuilder out = new StringBuilder(t.render());
        if (c != null) {
            PartitionHealth p = c.partitions();
            out.append("controller: ").append(c.controller() == null ? "NONE" : k.label(c.controller()))
                    .append("; partitions: ").append(p.partitions()).append(" in ").append(p.topics()).append(" topics, ")
                    .append(p.underReplicated().size()).append(" under-replicated, ").append(p.offline().size()).append(" offline, ")
                    .append(p.underMinIsr().size()).append(" under min ISR");
            if (!k.cluster().isOk()) {
                out.append(" (").append(k.cluster().freshness().describe(s.takenAt())).append(')');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String logDirs(KafkaSnapshot k, Integer id) {
        if (id == null) {
            return "-";
        }
        for (BrokerLogDirs b : k.logDirs()) {
            if (b.brokerId() == id && b.dirs().value() != null) {
                long bytes = b.dirs().value().stream().mapToLong(LogDir::partitionBytes).sum();
                Double used = b.dirs().value().stream().map(LogDir::usedFraction).filter(x -> x != null).max(Double::compare).orElse(null);
                return bytes(bytes) + (used == null ? "" : " (disk " + Math.round(used * 100) + "%)");
            }
        }
        return "-";
    }

    private static String rate(SnapshotHistory h, Integer id, Meter meter, boolean bytes) {
        if (id == null || h == null) {
            return "-";
        }
        OptionalDouble r = h.rate(id, meter);
        if (r.isEmpty()) {
            return "-";
        }
        return bytes ? bytes(Math.round(r.getAsDouble())) : String.valueOf(Math.round(r.getAsDouble()));
    }

    private static String services(ClusterSnapshot s) {
        TextTable t = new TextTable("HOST", "SERVICE", "STATE", "PID", "UP", "READ");
        for (ProcessSnapshot p : s.processes()) {
            var st = p.state().value();
            t.row(p.host(), p.service().key(), st == null ? "-" : st.state(), st == null || st.pid() == null ? "-" : st.pid(),
                    st == null || st.since() == null ? "-" : Durations.brief(Duration.between(st.since(), s.takenAt())),
                    p.state().freshness().describe(s.takenAt()));
        }
        return t.render();
    }

    private static String certificates(ClusterSnapshot s) {
        TextTable t = new TextTable("HOST", "TLS", "EXPIRES", "TRUSTED", "READ");
        for (CertificateSnapshot c : s.certificates()) {
            var ci = c.certificate().value();
            t.row(c.host(), c.endpoint(), ci == null ? "-" : ci.daysToExpiry() + " days (" + ci.notAfter().truncatedTo(ChronoUnit.DAYS) + ")",
                    ci == null ? "-" : ci.trusted() ? "yes" : "NO", c.certificate().isOk() ? "ok" : "not read");
        }
        return t.render();
    }

    private static String n(Long v) {
        return v == null ? "-" : v.toString();
    }

    /** {@code 512 B}, {@code 3.2 KiB}, {@code 41.0 MiB}, {@code 1.2 GiB}. */
    static String bytes(long b) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = b;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? b + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
