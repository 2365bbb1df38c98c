package dev.kroll.tui.dashboard;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Panel;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.SnapshotHistory;
import dev.kroll.tui.KeyBinding;
import dev.kroll.tui.Shell;
import dev.kroll.tui.View;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Canvas;
import dev.kroll.tui.widget.GridPane;
import dev.kroll.tui.widget.Line;
import dev.kroll.tui.widget.LinesPane;
import dev.kroll.tui.widget.Painter;
import dev.kroll.tui.widget.Split;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The live dashboard: ZooKeeper quorum, brokers, throughput sparklines, alerts and certificates. Snapshots
 * arrive from a {@link SnapshotFeed} on its thread and are handed to the UI thread; nothing here blocks.
 */
public final class DashboardView implements View {

    static final List<Duration> INTERVALS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SnapshotFeed feed;
    private final String noFeedReason;
    private final Highlights highlights;
    private final Canvas summary = new Canvas(new TerminalSize(80, 1), this::paintSummary);
    private final GridPane zk = new GridPane("ZooKeeper");
    private final GridPane brokers = new GridPane("Brokers");
    private final ThroughputPane throughput = new ThroughputPane();
    private final LinesPane alerts = new LinesPane("Alerts & certificates", false);
    private final Panel root;
    private SnapshotHistory history = SnapshotHistory.empty(SnapshotHistory.DEFAULT_CAPACITY);
    private DashboardData data;
    private String lastFailure;
    private Shell shell;
    private boolean started;
    private BrokerDetailView detail;

    /**
     * @param feed         the snapshot source, or null when this session has none
     * @param noFeedReason why there is no feed, in plain words (shown instead of data)
     */
    public DashboardView(SnapshotFeed feed, String noFeedReason, Clock clock, Duration highlight) {
        this.feed = feed;
        this.noFeedReason = noFeedReason;
        this.highlights = new Highlights(clock, highlight);
        String waiting = feed == null ? "no live data: " + noFeedReason : "waiting for the first snapshot…";
        zk.emptyText(waiting).styler(highlights.styler("zk"));
        brokers.emptyText(waiting).styler(highlights.styler("br")).onOpen("broker detail", this::openDetail);
        alerts.lines(List.of(Line.of(waiting, Style.DIM)));
        throughput.emptyText(feed == null ? "no live data" : "waiting…");
        root = Split.rows(summary, Split.Size.fixed(1), zk, Split.Size.fixed(6), brokers, Split.Size.fixed(6),
                Split.cols(throughput, Split.Size.weight(3), alerts, Split.Size.weight(2)), Split.Size.weight(1));
    }

    @Override
    public String title() {
        return "Dashboard";
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void shown(Shell s) {
        this.shell = s;
        if (feed != null && !started) {
            started = true;
            s.closeLater(feed);
            feed.start(snap -> s.loop().invokeLater(() -> accept(snap)),
                    why -> s.loop().invokeLater(() -> failed(why)));
        }
    }

    @Override
    public List<KeyBinding> bindings() {
        List<KeyBinding> out = new ArrayList<>();
        if (feed == null) {
            return out;
        }
        out.add(KeyBinding.of("p", feed.paused() ? "resume" : "pause", this::togglePause));
        out.add(KeyBinding.info("+/-", "interval " + seconds(feed.interval()), true));
        out.add(KeyBinding.of("+", "refresh less often", () -> step(1)).notInFooter());
        out.add(KeyBinding.of("-", "refresh more often", () -> step(-1)).notInFooter());
        out.add(KeyBinding.of("r", "refresh now", feed::refreshNow).notInFooter());
        return out;
    }

    /** Takes a new snapshot (UI thread). */
    public void accept(ClusterSnapshot s) {
        history = history.with(s);
        DashboardData next = DashboardModel.of(history);
        highlights.clear();
        boolean changed = highlights.compare("zk", data == null ? null : data.zookeeper(), next.zookeeper())
                | highlights.compare("br", data == null ? null : data.brokers(), next.brokers());
        data = next;
        lastFailure = null;
        zk.grid(next.zookeeper());
        brokers.grid(next.brokers());
        resize(zk, next.zookeeper().rows().size());
        resize(brokers, next.brokers().rows().size());
        throughput.series(next.throughput());
        List<Line> alertLines = new ArrayList<>(next.alerts());
        if (feed != null && feed.note() != null) {
            alertLines.add(0, Line.of("· " + feed.note(), Style.DIM));
        }
        alerts.lines(alertLines);
        summary.invalidate();
        if (detail != null) {
            detail.update(history);
        }
        if (changed && shell != null) {
            shell.timers().after(highlights.duration(), this::endHighlights);
        }
    }

    /** Repaints once the change highlights are over, if a newer snapshot has not already (UI thread). */
    void endHighlights() {
        if (highlights.prune()) {
            zk.invalidate();
            brokers.invalidate();
        }
    }

    private void failed(String why) {
        lastFailure = why;
        summary.invalidate();
    }

    public SnapshotHistory history() {
        return history;
    }

    private static void resize(GridPane pane, int rows) {
        Split.Size want = Split.Size.fixed(Math.max(4, Math.min(rows + 3, 10)));
        if (!want.equals(pane.getLayoutData())) {
            pane.setLayoutData(want);
            pane.getParent().invalidate();
        }
    }

    private void togglePause() {
        feed.pause(!feed.paused());
        shell.message(feed.paused() ? "paused: press p to resume" : "resumed", Style.NORMAL);
        summary.invalidate();
    }

    private void step(int dir) {
        int i = INTERVALS.indexOf(feed.interval());
        int next = Math.max(0, Math.min(INTERVALS.size() - 1, (i < 0 ? 1 : i) + dir));
        feed.interval(INTERVALS.get(next));
        shell.message("refresh every " + seconds(INTERVALS.get(next)), Style.NORMAL);
        summary.invalidate();
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + "s";
    }

    private void openDetail(String host) {
        detail = new BrokerDetailView(host, this::closedDetail);
        detail.update(history);
        shell.push(detail);
    }

    private void closedDetail() {
        detail = null;
    }

    private void paintSummary(Painter p) {
        p.fill(Style.NORMAL);
        Line.Builder right = Line.builder();
        if (lastFailure != null) {
            right.add("last refresh failed: " + lastFailure + "  ", Style.BAD);
        }
        if (data != null) {
            right.add("as of " + TIME.format(data.takenAt().atZone(ZoneId.systemDefault())), Style.DIM);
        }
        if (feed != null) {
            right.add(feed.paused() ? "  PAUSED" : "  every " + seconds(feed.interval()), feed.paused() ? Style.WARN : Style.DIM);
        }
        Line r = right.build();
        Line left = data != null ? data.summary() : Line.of(feed == null ? "no live data: " + noFeedReason
                : "waiting for the first snapshot…", Style.DIM);
        int used = p.line(1, 0, left, Math.max(0, p.cols() - r.width() - 2));
        p.line(Math.max(used + 2, p.cols() - r.width() - 1), 0, r);
    }
}
