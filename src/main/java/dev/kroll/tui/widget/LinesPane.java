package dev.kroll.tui.widget;

import com.googlecode.lanterna.input.KeyStroke;
import dev.kroll.tui.KeyBinding;
import dev.kroll.tui.Keys;
import java.util.List;

/**
 * A scrolling list of lines (alerts, an event log, a detail page). With {@code follow}, it stays at the
 * bottom as lines are added until the operator scrolls up.
 */
public class LinesPane extends Pane {

    private List<Line> lines = List.of();
    private int top;
    private boolean follow;
    private boolean atEnd = true;
    private int lastRows = 1;
    private int lastCols = 80;
    private int lastWrapped;

    public LinesPane(String title, boolean follow) {
        super(title);
        this.follow = follow;
    }

    public LinesPane lines(List<Line> l) {
        this.lines = List.copyOf(l);
        invalidate();
        return this;
    }

    public List<Line> lines() {
        return lines;
    }

    @Override
    public List<KeyBinding> bindings() {
        return List.of(KeyBinding.info("↑↓ j/k", "scroll", false), KeyBinding.info("g/G", "top / bottom", false));
    }

    @Override
    protected boolean onKey(KeyStroke key) {
        int max = Math.max(0, lastWrapped - lastRows);
        if (Keys.matches(key, "Down") || Keys.matches(key, "j")) {
            top = Math.min(max, top + 1);
        } else if (Keys.matches(key, "Up") || Keys.matches(key, "k")) {
            top = Math.max(0, Math.min(top, max) - 1);
        } else if (Keys.matches(key, "PgDn")) {
            top = Math.min(max, top + lastRows);
        } else if (Keys.matches(key, "PgUp")) {
            top = Math.max(0, Math.min(top, max) - lastRows);
        } else if (Keys.matches(key, "g") || Keys.matches(key, "Home")) {
            top = 0;
        } else if (Keys.matches(key, "G") || Keys.matches(key, "End")) {
            top = max;
        } else {
            return false;
        }
        atEnd = top >= max;
        return true;
    }

    @Override
    protected void paintBody(Painter p) {
        lastRows = Math.max(1, p.rows());
        lastCols = Math.max(1, p.cols() - 1);
        List<Line> shown = Wrap.lines(lines, lastCols, 2);
        lastWrapped = shown.size();
        int max = Math.max(0, shown.size() - lastRows);
        if (follow && atEnd) {
            top = max;
        }
        top = Math.min(top, max);
        for (int r = 0; r < p.rows() && top + r < shown.size(); r++) {
            p.line(0, r, shown.get(top + r), lastCols);
        }
        if (shown.size() > p.rows()) {
            p.text(p.cols() - 1, 0, top > 0 ? "▲" : " ", dev.kroll.tui.theme.Style.DIM);
            p.text(p.cols() - 1, p.rows() - 1, top < max ? "▼" : " ", dev.kroll.tui.theme.Style.DIM);
        }
    }
}
