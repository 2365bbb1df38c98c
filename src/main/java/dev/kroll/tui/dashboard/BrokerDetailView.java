package dev.kroll.tui.dashboard;

import com.googlecode.lanterna.gui2.Component;
import dev.kroll.probe.BrokerMetrics;
import dev.kroll.probe.BrokerRegistration;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.JmxSnapshot;
import dev.kroll.probe.LogDir;
import dev.kroll.probe.Meter;
import dev.kroll.probe.ProcessSnapshot;
import dev.kroll.probe.SnapshotHistory;
import dev.kroll.tui.KeyBinding;
import dev.kroll.tui.View;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Line;
import dev.kroll.tui.widget.LinesPane;
import dev.kroll.tui.widget.Sparkline;
import dev.kroll.tui.widget.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One broker in full: listeners, log dirs, every JMX value, its service and certificate. Esc goes back. */
final class BrokerDetailView implements View {

    private final String host;
    private final Runnable onClose;
    private final LinesPane pane;

    BrokerDetailView(String host, Runnable onClose) {
        this.host = host;
        this.onClose = onClose;
        this.pane = new LinesPane("Broker on " + host, false);
    }

    @Override
    public String title() {
        return "Dashboard › " + host;
    }

    @Override
    public Component component() {
        return pane;
    }

    @Override
    public List<KeyBinding> bindings() {
        return List.of(KeyBinding.info("esc", "back to the dashboard", true));
    }

    @Override
    public void hidden() {
        onClose.run();
    }

    void update(SnapshotHistory h) {
        h.latest().ifPresent(s -> pane.lines(lines(s, h, host)));
    }

    static List<Line> lines(ClusterSnapshot s, SnapshotHistory h, String host) {
        List<Line> out = new ArrayList<>();
        Optional<BrokerRegistration> reg = DashboardModel.registrationOf(s, host);
        out.add(Line.of("Registration (ZooKeeper /brokers/ids)", Style.HEADER));
        if (reg.isEmpty()) {
            out.add(Line.of("not registered: the broker is down or has not started", Style.BAD));
        } else {
            out.add(Line.of("broker id " + reg.get().id() + (reg.get().rack() == null ? "" : ", rack " + reg.get().rack())
                    + (reg.get().since() == null ? "" : ", registered " + reg.get().since())));
            reg.get().endpoints().forEach(e -> out.add(Line.of("  listener " + e)));
        }
        out.add(Line.EMPTY);
        out.add(Line.of("Log directories", Style.HEADER));
        Integer id = reg.map(BrokerRegistration::id).orElse(null);
        s.kafka().logDirs().stream().filter(d -> id != null && d.brokerId() == id).findFirst().ifPresentOrElse(d -> {
            if (d.dirs().shown().isEmpty()) {
                out.add(Line.of(d.dirs().freshness().describe(s.takenAt()), Style.WARN));
            }
            for (LogDir ld : d.dirs().shown().orElse(List.of())) {
                String use = ld.usedFraction() == null ? "" : ", volume " + Units.percent(ld.usedFraction()) + " used of "
                        + Units.bytes(ld.totalBytes());
                out.add(Line.builder().add("  " + ld.path() + "  " + Units.bytes(ld.partitionBytes()) + " of data" + use)
                        .add(ld.error() == null ? "" : "  error: " + ld.error(), Style.BAD).build());
            }
        }, () -> out.add(Line.of("  not read", Style.DIM)));
        out.add(Line.EMPTY);
        jmx(s, h, host, out);
        out.add(Line.EMPTY);
        out.add(Line.of("Service", Style.HEADER));
        for (ProcessSnapshot p : s.processes()) {
            if (p.host().equals(host)) {
                out.add(p.state().shown().map(st -> Line.of("  " + p.service() + ": " + st.state()
                        + (st.pid() == null ? "" : ", pid " + st.pid()) + (st.since() == null ? "" : ", since " + st.since()),
                        st.active() ? Style.OK : Style.BAD))
                        .orElse(Line.of("  " + p.service() + ": " + p.state().freshness().describe(s.takenAt()), Style.WARN)));
            }
        }
        return out;
    }

    private static void jmx(ClusterSnapshot s, SnapshotHistory h, String host, List<Line> out) {
        Optional<JmxSnapshot> j = DashboardModel.jmxOf(s, host);
        out.add(Line.of("JMX" + j.map(x -> " (" + x.route() + ")").orElse(""), Style.HEADER));
        if (j.isEmpty() || j.get().metrics().shown().isEmpty()) {
            out.add(Line.of("  " + j.map(x -> x.metrics().freshness().describe(s.takenAt())).orElse("not probed"), Style.WARN));
            return;
        }
        BrokerMetrics m = j.get().metrics().value();
        if (!j.get().metrics().isOk()) {
            out.add(Line.of("  " + j.get().metrics().freshness().describe(s.takenAt()), Style.WARN));
        }
        out.add(Line.of("  BrokerState " + m.brokerState() + " (" + m.brokerStateName() + ")",
                m.brokerState() == BrokerMetrics.RUNNING ? Style.OK : Style.WARN));
        out.add(Line.of("  UnderReplicatedPartitions " + m.underReplicated() + "   UnderMinIsrPartitionCount " + m.underMinIsr()
                + "   OfflinePartitionsCount " + m.offlinePartitions() + "   ActiveControllerCount " + m.activeControllerCount()));
        out.add(Line.of("  RequestHandlerAvgIdlePercent " + Units.percent(m.requestHandlerIdle())
                + "   NetworkProcessorAvgIdlePercent " + Units.percent(m.networkProcessorIdle())));
        out.add(Line.of("  Produce TotalTimeMs p99 " + Units.millis(m.produceP99Ms())
                + "   FetchConsumer TotalTimeMs p99 " + Units.millis(m.fetchConsumerP99Ms())));
        out.add(Line.of("  heap " + Units.bytes(m.heapUsed()) + " of " + Units.bytes(m.heapMax()) + " ("
                + Units.percent(m.heapUsedFraction()) + ")   GC " + m.gcCount() + " collections, " + Units.millis(m.gcTimeMs())));
        out.add(Line.of("  IsrShrinks " + m.isrShrinks().count() + "   IsrExpands " + m.isrExpands().count()));
        if (j.get().brokerId() != null) {
            int id = j.get().brokerId();
            for (Meter meter : List.of(Meter.MESSAGES_IN, Meter.BYTES_IN, Meter.BYTES_OUT)) {
                double[] series = h.series(id, meter, 40);
                String now = series.length == 0 ? "waiting for two readings"
                        : meter == Meter.MESSAGES_IN ? Units.count(series[series.length - 1]) + "/s"
                        : Units.bytes(series[series.length - 1]) + "/s";
                out.add(Line.builder().add(String.format("  %-12s", meter.name().toLowerCase().replace('_', ' ')))
                        .add(Sparkline.render(series, 40), Style.ACCENT).add(" " + now).build());
            }
        }
    }
}
