package dev.kroll.tui.dashboard;

import dev.kroll.probe.BrokerMetrics;
import dev.kroll.probe.BrokerRegistration;
import dev.kroll.probe.CertificateInfo;
import dev.kroll.probe.CertificateSnapshot;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.HealthRules;
import dev.kroll.probe.HealthVerdict;
import dev.kroll.probe.JmxSnapshot;
import dev.kroll.probe.KafkaCluster;
import dev.kroll.probe.KafkaSnapshot;
import dev.kroll.probe.Meter;
import dev.kroll.probe.QuorumSummary;
import dev.kroll.probe.Reading;
import dev.kroll.probe.Registrations;
import dev.kroll.probe.SnapshotHistory;
import dev.kroll.probe.ZkMode;
import dev.kroll.probe.ZkServerSnapshot;
import dev.kroll.probe.ZkServerStats;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Grid;
import dev.kroll.tui.widget.Grid.Cell;
import dev.kroll.tui.widget.Grid.Column;
import dev.kroll.tui.widget.Line;
import dev.kroll.tui.widget.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the probe's snapshots into what the dashboard shows. Pure: no I/O, no clock; health words come
 * from the probe's {@link HealthRules}, so the dashboard, the gates and {@code kroll status} agree.
 */
public final class DashboardModel {

    /** Points kept per sparkline (the history holds more; the pane shows as many as fit). */
    static final int SERIES_POINTS = 60;
    static final double HEAP_WARN = 0.85;
    static final double IDLE_WARN = 0.2;

    private DashboardModel() {
    }

    public static DashboardData of(SnapshotHistory history) {
        ClusterSnapshot s = history.latest().orElseThrow();
        HealthVerdict verdict = HealthRules.judge(s);
        return new DashboardData(summary(s, verdict), zookeeper(s), brokers(s), throughput(s, history), alerts(s, verdict), s.takenAt());
    }

    static Style style(HealthVerdict.Level level) {
        return switch (level) {
            case HEALTHY -> Style.OK;
            case DEGRADED -> Style.WARN;
            case CRITICAL -> Style.BAD;
        };
    }

    static String symbol(HealthVerdict.Level level) {
        return switch (level) {
            case HEALTHY -> "✔";
            case DEGRADED -> "▲";
            case CRITICAL -> "✖";
        };
    }

    private static Line summary(ClusterSnapshot s, HealthVerdict v) {
        Line.Builder b = Line.builder().add(symbol(v.level()) + " " + v.level().word().toUpperCase(), style(v.level()));
        QuorumSummary q = s.zookeeper().quorum();
        b.add("  ZooKeeper ").add(q.serving() + "/" + q.members() + (q.hasQuorum() ? " quorum" : " NO QUORUM"),
                q.hasQuorum() ? (q.serving() == q.members() ? Style.OK : Style.WARN) : Style.BAD);
        KafkaSnapshot k = s.kafka();
        long registered = k.registrations().shown().map(r -> r.brokers().size()).orElse(0);
        b.add("  Kafka ").add(registered + "/" + k.expectedBrokers().size() + " brokers",
                registered == k.expectedBrokers().size() ? Style.OK : Style.BAD);
        k.cluster().shown().ifPresent(c -> b.add("  " + c.partitions().partitions() + " partitions, ")
                .add(c.partitions().underReplicated().size() + " under-replicated",
                        c.partitions().underReplicated().isEmpty() ? Style.OK : Style.WARN));
        return b.build();
    }

    static Grid zookeeper(ClusterSnapshot s) {
        List<Column> cols = List.of(Column.left("server", 10).flex(2), Column.left("mode", 9), Column.right("zxid", 11),
                Column.right("lat min/avg/max", 15), Column.right("outst", 5), Column.right("conns", 5),
                Column.right("synced", 6), Column.left("note", 4).flex(3));
        List<Grid.Row> rows = new ArrayList<>();
        for (ZkServerSnapshot z : s.zookeeper().servers()) {
            Reading<ZkServerStats> r = z.stats();
            String note = r.isOk() ? String.join("; ", z.notes()) : r.freshness().describe(s.takenAt());
            Optional<ZkServerStats> st = r.shown();
            ZkMode mode = r.isOk() ? z.mode() : ZkMode.UNKNOWN;
            String modeWord = r.isOk() ? mode.word() : r.freshness().status() == dev.kroll.probe.Freshness.Status.STALE ? "stale" : "down";
            Style modeStyle = !r.isOk() ? (r.value() == null ? Style.BAD : Style.WARN)
                    : mode.serving() ? (mode == ZkMode.LEADER ? Style.ACCENT : Style.OK) : Style.BAD;
            rows.add(new Grid.Row(z.host(), List.of(Cell.of(z.host()), Cell.of(modeWord, modeStyle),
                    Cell.of(st.map(ZkServerStats::zxidHex).orElse("-")),
                    Cell.of(st.map(DashboardModel::latency).orElse("-")),
                    Cell.of(st.map(x -> num(x.outstandingRequests())).orElse("-"),
                            st.map(x -> x.outstandingRequests() != null && x.outstandingRequests() > 10).orElse(false) ? Style.WARN : Style.NORMAL),
                    Cell.of(st.map(x -> num(x.connections())).orElse("-")),
                    synced(s, st),
                    Cell.of(note, r.isOk() ? Style.DIM : Style.WARN))));
        }
        return new Grid(cols, rows);
    }

    private static Cell synced(ClusterSnapshot s, Optional<ZkServerStats> st) {
        if (st.isEmpty() || st.get().syncedFollowers() == null) {
            return Cell.of("-", Style.DIM);
        }
        int voters = s.zookeeper().quorum().members() - 1;
        int synced = st.get().syncedFollowers();
        return Cell.of(synced + "/" + voters, synced >= voters ? Style.OK : Style.WARN);
    }

    private static String latency(ZkServerStats x) {
        return num(x.latencyMinMs()) + "/" + (x.latencyAvgMs() == null ? "-" : Units.count(x.latencyAvgMs())) + "/" + num(x.latencyMaxMs());
    }

    private static String num(Number n) {
        return n == null ? "-" : String.valueOf(n);
    }

    static Grid brokers(ClusterSnapshot s) {
        List<Column> cols = List.of(Column.right("id", 3), Column.left("host", 8).flex(2), Column.left("state", 9).flex(1),
                Column.left("ctrl", 4), Column.right("lead/repl", 9), Column.right("URP", 4), Column.right("heap", 9), Column.right("req idle", 8),
                Column.right("p99 prod", 8));
        KafkaSnapshot k = s.kafka();
        Optional<Registrations> regs = k.registrations().shown();
        Optional<KafkaCluster> cluster = k.cluster().shown();
        Integer controller = regs.map(Registrations::controller).orElse(cluster.map(KafkaCluster::controller).orElse(null));
        List<Grid.Row> rows = new ArrayList<>();
        for (KafkaSnapshot.HostBroker hb : k.brokerHosts()) {
            Integer id = hb.brokerId();
            boolean registered = id != null && regs.flatMap(r -> r.broker(id)).isPresent();
            Optional<BrokerMetrics> m = id == null ? Optional.empty() : s.jmx(id).flatMap(j -> j.metrics().current());
            Cell state;
            if (!registered) {
                state = Cell.of("down", Style.BAD);
            } else if (m.isPresent()) {
                state = Cell.of(m.get().brokerStateName(), m.get().brokerState() == BrokerMetrics.RUNNING ? Style.OK : Style.WARN);
            } else {
                state = Cell.of("up, no JMX", Style.WARN);
            }
            boolean isController = id != null && id.equals(controller);
            rows.add(new Grid.Row(hb.host(), List.of(Cell.of(id == null ? "?" : String.valueOf(id)), Cell.of(hb.host()), state,
                    Cell.of(isController ? "yes" : "", Style.ACCENT),
                    partitions(cluster, id, registered),
                    m.map(x -> Cell.of(String.valueOf(x.underReplicated()), x.underReplicated() > 0 ? Style.WARN : Style.NORMAL)).orElse(Cell.of("-", Style.DIM)),
                    m.map(x -> Cell.of(Units.percent(x.heapUsedFraction()) + " " + compactBytes(x.heapMax()),
                            x.heapUsedFraction() > HEAP_WARN ? Style.WARN : Style.NORMAL)).orElse(Cell.of("-", Style.DIM)),
                    m.map(x -> Cell.of(Units.percent(x.requestHandlerIdle()), x.requestHandlerIdle() < IDLE_WARN ? Style.WARN : Style.NORMAL))
                            .orElse(Cell.of("-", Style.DIM)),
                    m.map(x -> Cell.of(Units.millis(x.produceP99Ms()))).orElse(Cell.of("-", Style.DIM)))));
        }
        return new Grid(cols, rows);
    }

    /** Partitions the broker leads / replicas it is assigned, from the cluster metadata of the snapshot. */
    private static Cell partitions(Optional<KafkaCluster> cluster, Integer id, boolean registered) {
        if (cluster.isEmpty() || id == null) {
            return Cell.of("-", Style.DIM);
        }
        var p = cluster.get().partitions().of(id);
        return Cell.of(p.leader() + "/" + p.replicas(), registered ? Style.NORMAL : Style.DIM);
    }

    private static String compactBytes(long b) {
        return Units.bytes(b).replace(" ", "").replace("iB", "");
    }

    static List<BrokerSeries> throughput(ClusterSnapshot s, SnapshotHistory h) {
        List<BrokerSeries> out = new ArrayList<>();
        for (KafkaSnapshot.HostBroker hb : s.kafka().brokerHosts()) {
            if (hb.brokerId() == null) {
                out.add(new BrokerSeries(hb.host(), "? " + hb.host(), new double[0], new double[0], new double[0], false));
                continue;
            }
            int id = hb.brokerId();
            out.add(new BrokerSeries(hb.host(), id + " " + hb.host(), h.series(id, Meter.MESSAGES_IN, SERIES_POINTS),
                    h.series(id, Meter.BYTES_IN, SERIES_POINTS), h.series(id, Meter.BYTES_OUT, SERIES_POINTS),
                    s.jmx(id).map(j -> j.metrics().isOk()).orElse(false)));
        }
        return out;
    }

    static List<Line> alerts(ClusterSnapshot s, HealthVerdict v) {
        List<Line> out = new ArrayList<>();
        for (HealthVerdict.Finding f : v.findings()) {
            if (f.level() != HealthVerdict.Level.HEALTHY) {
                out.add(Line.builder().add(symbol(f.level()) + " ", style(f.level())).add(f.text(), style(f.level())).build());
            }
        }
        if (out.isEmpty()) {
            out.add(Line.of("✔ nothing wrong", Style.OK));
        }
        for (String note : v.notes()) {
            if (!note.startsWith("no certificate read from")) { // the Certificates section below says it per host
                out.add(Line.of("· " + note, Style.DIM));
            }
        }
        out.add(Line.EMPTY);
        out.add(Line.of("Certificates", Style.HEADER));
        if (s.certificates().isEmpty()) {
            out.add(Line.of("none probed (no SSL listener yet)", Style.DIM));
        }
        for (CertificateSnapshot c : s.certificates()) {
            Optional<CertificateInfo> ci = c.certificate().shown();
            if (ci.isEmpty()) {
                // before the SSL migration nothing listens there: say that, not "connection refused"
                String why = withoutListenerOn(s, c).map(listeners -> "no SSL listener yet (" + listeners + ")")
                        .orElseGet(() -> "no certificate read: " + c.certificate().freshness().describe(s.takenAt()));
                out.add(Line.of(c.host() + "  " + why, Style.DIM));
                continue;
            }
            long days = ci.get().daysToExpiry();
            Style st = days < 0 ? Style.BAD : days < 30 ? Style.WARN : Style.OK;
            String when = days < 0 ? "expired " + -days + " days ago" : "expires in " + days + " days";
            out.add(Line.builder().add(c.host() + "  ").add(when, st)
                    .add(ci.get().trusted() ? "" : "  not trusted: " + ci.get().trustProblem(), Style.BAD).build());
        }
        return out;
    }

    /** The listener names a registered broker offers when none of them is on the port the certificate is read from. */
    private static Optional<String> withoutListenerOn(ClusterSnapshot s, CertificateSnapshot c) {
        String port = c.endpoint().substring(c.endpoint().lastIndexOf(':') + 1);
        return registrationOf(s, c.host()).filter(r -> r.endpoints().stream().noneMatch(e -> e.endsWith(":" + port)))
                .map(r -> String.join(", ", r.endpoints().stream().map(e -> e.replaceAll("://.*", "")).toList()) + " only");
    }

    /** The JMX reading of a broker row (for the detail view). */
    static Optional<JmxSnapshot> jmxOf(ClusterSnapshot s, String host) {
        return s.jmx().stream().filter(j -> j.host().equals(host)).findFirst();
    }

    static Optional<BrokerRegistration> registrationOf(ClusterSnapshot s, String host) {
        return s.kafka().brokerHosts().stream().filter(h -> h.host().equals(host) && h.brokerId() != null).findFirst()
                .flatMap(h -> s.kafka().registrations().shown().flatMap(r -> r.broker(h.brokerId())));
    }
}
