package dev.kroll.tui.dashboard;

import dev.kroll.tui.widget.Grid;
import dev.kroll.tui.widget.Line;
import java.time.Instant;
import java.util.List;

/**
 * Everything the dashboard shows for one snapshot, already in words and styles: made by
 * {@link DashboardModel} (pure), painted by {@link DashboardView}.
 */
public record DashboardData(Line summary, Grid zookeeper, Grid brokers, List<BrokerSeries> throughput,
                            List<Line> alerts, Instant takenAt) {

    public DashboardData {
        throughput = List.copyOf(throughput);
        alerts = List.copyOf(alerts);
    }
}
