package dev.kroll.tui.widget;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link Grid} as lines, each column as wide as its widest cell (for tables inside scrolling text). */
public final class GridText {

    private GridText() {
    }

    public static List<Line> lines(Grid g) {
        List<Line> out = new ArrayList<>();
        int[] w = new int[g.columns().size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = g.columns().get(c).header().length();
            for (Grid.Row r : g.rows()) {
                if (c < r.cells().size()) {
                    w[c] = Math.max(w[c], r.cells().get(c).text().length());
                }
            }
        }
        Line.Builder head = Line.builder();
        for (int c = 0; c < w.length; c++) {
            Grid.Column col = g.columns().get(c);
            head.add((col.right() ? Painter.padLeft(col.header(), w[c]) : Painter.padRight(col.header(), w[c])) + " ",
                    dev.kroll.tui.theme.Style.HEADER);
        }
        out.add(head.build().kept());
        for (Grid.Row r : g.rows()) {
            Line.Builder b = Line.builder();
            for (int c = 0; c < w.length && c < r.cells().size(); c++) {
                Grid.Cell cell = r.cells().get(c);
                Grid.Column col = g.columns().get(c);
                b.add((col.right() ? Painter.padLeft(cell.text(), w[c]) : Painter.padRight(cell.text(), w[c])) + " ", cell.style());
            }
            out.add(b.build().kept());
        }
        return out;
    }
}
