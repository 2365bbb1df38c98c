package dev.kroll.tui.widget;

import com.googlecode.lanterna.input.KeyStroke;
import dev.kroll.tui.KeyBinding;
import dev.kroll.tui.Keys;
import dev.kroll.tui.theme.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A table pane: ↑↓/j/k move, {@code /} filters rows by text, enter opens the selected row. The selection
 * follows its row (by key) across refreshes. Cells may be restyled at paint time (change highlight).
 */
public class GridPane extends Pane {

    private Grid grid = new Grid(List.of(), List.of());
    private String selectedKey;
    private int top;
    private String filter = "";
    private boolean filtering;
    private Consumer<String> onOpen;
    private String openLabel = "open";
    private Function<String, Function<Integer, Function<Grid.Cell, Grid.Cell>>> cellStyler = key -> col -> c -> c;
    private String emptyText = "nothing to show";

    public GridPane(String title) {
        super(title);
    }

    public GridPane grid(Grid g) {
        this.grid = g;
        if (selectedKey == null && !g.rows().isEmpty()) {
            selectedKey = g.rows().get(0).key();
        }
        invalidate();
        return this;
    }

    public Grid grid() {
        return grid;
    }

    /** Enter on a row calls this with the row's key. */
    public GridPane onOpen(String label, Consumer<String> open) {
        this.openLabel = label;
        this.onOpen = open;
        return this;
    }

    /** Restyles cells when painting: (row key, column) → cell → cell. */
    public GridPane styler(Function<String, Function<Integer, Function<Grid.Cell, Grid.Cell>>> s) {
        this.cellStyler = s;
        return this;
    }

    public GridPane emptyText(String t) {
        this.emptyText = t;
        return this;
    }

    public String selectedKey() {
        return selectedKey;
    }

    public String filter() {
        return filter;
    }

    /** The rows that pass the filter. */
    public List<Grid.Row> visibleRows() {
        if (filter.isEmpty()) {
            return grid.rows();
        }
        String f = filter.toLowerCase(Locale.ROOT);
        return grid.rows().stream().filter(r -> r.text().toLowerCase(Locale.ROOT).contains(f)).toList();
    }

    @Override
    public boolean capturesAllKeys() {
        return filtering;
    }

    @Override
    public boolean back() {
        if (filtering || !filter.isEmpty()) {
            filtering = false;
            filter = "";
            invalidate();
            return true;
        }
        return false;
    }

    @Override
    public List<KeyBinding> bindings() {
        List<KeyBinding> out = new ArrayList<>();
        out.add(KeyBinding.info("↑↓ j/k", "move", false));
        out.add(KeyBinding.info("/", "filter rows (esc clears)", true));
        if (onOpen != null) {
            out.add(KeyBinding.info("enter", openLabel, true));
        }
        out.add(KeyBinding.info("g/G", "first / last row", false));
        return out;
    }

    @Override
    protected boolean onKey(KeyStroke key) {
        if (filtering) {
            return filterKey(key);
        }
        List<Grid.Row> rows = visibleRows();
        int i = index(rows);
        if (Keys.matches(key, "Down") || Keys.matches(key, "j")) {
            select(rows, i + 1);
        } else if (Keys.matches(key, "Up") || Keys.matches(key, "k")) {
            select(rows, i - 1);
        } else if (Keys.matches(key, "PgDn")) {
            select(rows, i + 10);
        } else if (Keys.matches(key, "PgUp")) {
            select(rows, i - 10);
        } else if (Keys.matches(key, "g") || Keys.matches(key, "Home")) {
            select(rows, 0);
        } else if (Keys.matches(key, "G") || Keys.matches(key, "End")) {
            select(rows, rows.size() - 1);
        } else if (Keys.matches(key, "/")) {
            filtering = true;
        } else if (Keys.matches(key, "Enter") && onOpen != null && i >= 0) {
            onOpen.accept(rows.get(i).key());
        } else {
            return false;
        }
        return true;
    }

    private boolean filterKey(KeyStroke key) {
        if (Keys.matches(key, "Esc")) {
            back();
        } else if (Keys.matches(key, "Enter") || Keys.matches(key, "Tab")) {
            filtering = false;
            select(visibleRows(), 0);
        } else if (Keys.matches(key, "Backspace")) {
            if (filter.isEmpty()) {
                filtering = false;
            } else {
                filter = filter.substring(0, filter.length() - 1);
            }
        } else if (Keys.isChar(key) && filter.length() < 40) {
            filter += key.getCharacter();
            select(visibleRows(), 0);
        }
        return true;
    }

    private int index(List<Grid.Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).key().equals(selectedKey)) {
                return i;
            }
        }
        return rows.isEmpty() ? -1 : 0;
    }

    private void select(List<Grid.Row> rows, int i) {
        if (rows.isEmpty()) {
            return;
        }
        selectedKey = rows.get(Math.max(0, Math.min(i, rows.size() - 1))).key();
    }

    @Override
    protected void paintBody(Painter p) {
        int[] w = grid.widths(p.cols());
        int col = 0;
        for (int c = 0; c < w.length; c++) {
            Grid.Column column = grid.columns().get(c);
            p.text(col, 0, column.right() ? Painter.padLeft(column.header(), w[c]) : column.header(), Style.HEADER, w[c]);
            col += w[c] + 1;
        }
        int bodyRows = p.rows() - 1 - (filtering || !filter.isEmpty() ? 1 : 0);
        List<Grid.Row> rows = visibleRows();
        int sel = index(rows);
        if (sel >= 0) {
            top = Math.max(Math.min(top, sel), sel - bodyRows + 1);
        }
        top = Math.max(0, Math.min(top, Math.max(0, rows.size() - bodyRows)));
        if (rows.isEmpty()) {
            p.text(0, 1, filter.isEmpty() ? emptyText : "no row matches /" + filter, Style.DIM);
        }
        for (int r = 0; r < bodyRows && top + r < rows.size(); r++) {
            Grid.Row row = rows.get(top + r);
            boolean selected = isFocused() && top + r == sel;
            Painter rp = selected ? p.on(Style.SELECTED) : p;
            if (selected) {
                rp.fillRow(1 + r, Style.SELECTED);
            }
            col = 0;
            for (int c = 0; c < w.length && c < row.cells().size(); c++) {
                Grid.Cell cell = cellStyler.apply(row.key()).apply(c).apply(row.cells().get(c));
                Grid.Column column = grid.columns().get(c);
                String t = column.right() ? Painter.padLeft(cell.text(), w[c]) : cell.text();
                rp.text(col, 1 + r, t, selected && cell.style() == Style.NORMAL ? Style.SELECTED : cell.style(), w[c]);
                col += w[c] + 1;
            }
        }
        if (rows.size() > bodyRows) {
            p.text(p.cols() - 8, 0, Painter.padLeft((top + 1) + "-" + Math.min(rows.size(), top + bodyRows) + "/" + rows.size(), 8), Style.DIM);
        }
        if (filtering || !filter.isEmpty()) {
            p.fillRow(p.rows() - 1, Style.NORMAL);
            p.line(0, p.rows() - 1, Line.builder().add("/", Style.KEY).add(filter + (filtering ? "█" : ""), Style.INPUT)
                    .add(filtering ? "  enter keep, esc clear" : "  (esc clears)", Style.DIM).build());
        }
    }
}
