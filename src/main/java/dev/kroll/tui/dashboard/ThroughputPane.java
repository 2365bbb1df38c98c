package dev.kroll.tui.dashboard;

import com.googlecode.lanterna.input.KeyStroke;
import dev.kroll.tui.KeyBinding;
import dev.kroll.tui.Keys;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Painter;
import dev.kroll.tui.widget.Pane;
import dev.kroll.tui.widget.Sparkline;
import dev.kroll.tui.widget.Units;
import java.util.List;

/** Sparklines of messages in, bytes in and bytes out per broker, as wide as the pane allows. */
final class ThroughputPane extends Pane {

    private List<BrokerSeries> series = List.of();
    private int top;
    private String emptyText = "no brokers";

    ThroughputPane() {
        super("Throughput (per second)");
    }

    void emptyText(String t) {
        this.emptyText = t;
    }

    void series(List<BrokerSeries> s) {
        this.series = List.copyOf(s);
        invalidate();
    }

    @Override
    public List<KeyBinding> bindings() {
        return List.of(KeyBinding.info("↑↓ j/k", "scroll brokers", false));
    }

    @Override
    protected boolean onKey(KeyStroke key) {
        if (Keys.matches(key, "Down") || Keys.matches(key, "j")) {
            top = Math.min(Math.max(0, series.size() - 1), top + 1);
        } else if (Keys.matches(key, "Up") || Keys.matches(key, "k")) {
            top = Math.max(0, top - 1);
        } else {
            return false;
        }
        return true;
    }

    @Override
    protected void paintBody(Painter p) {
        int label = Math.min(Math.max(14, p.cols() / 3), Math.max(6, series.stream().mapToInt(b -> b.label().length()).max().orElse(6)));
        int group = Math.max(10, (p.cols() - label - 1) / 3);
        int value = 8;
        int spark = Math.max(1, group - value - 2);
        String[] heads = {"msgs in", "bytes in", "bytes out"};
        for (int g = 0; g < 3; g++) {
            p.text(label + 1 + g * group, 0, heads[g], Style.HEADER, group - 1);
        }
        if (series.isEmpty()) {
            p.text(0, 1, emptyText, Style.DIM);
        }
        for (int r = 0; r + 1 < p.rows() && top + r < series.size(); r++) {
            BrokerSeries b = series.get(top + r);
            p.text(0, 1 + r, b.label(), Style.NORMAL, label);
            double[][] all = {b.messagesIn(), b.bytesIn(), b.bytesOut()};
            for (int g = 0; g < 3; g++) {
                int col = label + 1 + g * group;
                double[] s = all[g];
                if (s.length == 0) {
                    p.text(col, 1 + r, b.current() ? "waiting" : "no JMX", b.current() ? Style.DIM : Style.WARN, group - 1);
                    continue;
                }
                p.text(col, 1 + r, Sparkline.render(s, spark), b.current() ? Style.ACCENT : Style.DIM, spark);
                double last = BrokerSeries.last(s);
                String v = !b.current() ? "no JMX" : g == 0 ? Units.count(last) : Units.bytes(last);
                p.text(col + spark + 1, 1 + r, Painter.padLeft(v, value), b.current() ? Style.NORMAL : Style.WARN, value);
            }
        }
    }
}
