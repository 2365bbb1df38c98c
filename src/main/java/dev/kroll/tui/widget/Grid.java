package dev.kroll.tui.widget;

import dev.kroll.tui.theme.Style;
import java.util.List;

/** The data of a table: columns and rows of styled cells. Immutable. */
public record Grid(List<Column> columns, List<Row> rows) {

    public Grid {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * @param min  columns it never gets fewer than (the header's width at least)
     * @param flex share of the spare width it takes (0: fixed at {@code min})
     */
    public record Column(String header, int min, int flex, boolean right) {
        public static Column left(String header, int min) {
            return new Column(header, Math.max(min, header.length()), 0, false);
        }

        public static Column right(String header, int min) {
            return new Column(header, Math.max(min, header.length()), 0, true);
        }

        public Column flex(int f) {
            return new Column(header, min, f, right);
        }
    }

    /** A row; {@code key} identifies it across refreshes (selection, change highlight). */
    public record Row(String key, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String text() {
            StringBuilder sb = new StringBuilder();
            cells.forEach(c -> sb.append(c.text()).append(' '));
            return sb.toString();
        }
    }

    public record Cell(String text, Style style) {
        public Cell {
            text = text == null ? "" : text;
            style = style == null ? Style.NORMAL : style;
        }

        public static Cell of(String text) {
            return new Cell(text, Style.NORMAL);
        }

        public static Cell of(String text, Style style) {
            return new Cell(text, style);
        }

        public Cell withStyle(Style s) {
            return new Cell(text, s);
        }
    }

    /** Column widths for the given total width (one space between columns). */
    public int[] widths(int total) {
        int n = columns.size();
        int[] w = new int[n];
        int used = Math.max(0, n - 1);
        int flex = 0;
        for (int i = 0; i < n; i++) {
            w[i] = columns.get(i).min();
            used += w[i];
            flex += columns.get(i).flex();
        }
        int spare = total - used;
        if (spare > 0 && flex > 0) {
            int given = 0;
            int seen = 0;
            for (int i = 0; i < n; i++) {
                if (columns.get(i).flex() > 0) {
                    seen += columns.get(i).flex();
                    int upTo = spare * seen / flex;
                    w[i] += upTo - given;
                    given = upTo;
                }
            }
        }
        return w;
    }
}
