package dev.kroll.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a person would see on Lanterna's virtual terminal: text per row, colours per cell. It reads
 * the last frame the screen flushed, never one the UI thread is half-way through drawing (which would mix
 * a new pane title with the old pane's text).
 */
public final class ScreenReader {

    private final DefaultVirtualTerminal vt;
    private volatile TextCharacter[][] frame;

    public ScreenReader(DefaultVirtualTerminal vt) {
        this.vt = vt;
        vt.addVirtualTerminalListener(new VirtualTerminalListener() {
            @Override
            public void onFlush() {
                frame = capture();
            }

            @Override
            public void onBell() {
            }

            @Override
            public void onClose() {
            }

            @Override
            public void onResized(Terminal terminal, TerminalSize newSize) {
            }
        });
    }

    private TextCharacter[][] capture() {
        TerminalSize size = vt.getTerminalSize();
        TextCharacter[][] out = new TextCharacter[size.getRows()][size.getColumns()];
        for (int r = 0; r < size.getRows(); r++) {
            for (int c = 0; c < size.getColumns(); c++) {
                out[r][c] = vt.getCharacter(c, r);
            }
        }
        return out;
    }

    /** The last flushed frame (the live buffer until the first flush). */
    private TextCharacter[][] grid() {
        TextCharacter[][] f = frame;
        return f != null ? f : capture();
    }

    public static DefaultVirtualTerminal terminal(int cols, int rows) {
        return new DefaultVirtualTerminal(new TerminalSize(cols, rows));
    }

    public List<String> rows() {
        TextCharacter[][] g = grid();
        List<String> out = new ArrayList<>();
        for (TextCharacter[] row : g) {
            StringBuilder sb = new StringBuilder();
            for (TextCharacter ch : row) {
                sb.append(ch == null ? " " : ch.getCharacterString());
            }
            out.add(sb.toString());
        }
        return out;
    }

    public String text() {
        return String.join("\n", rows());
    }

    public boolean contains(String s) {
        return rows().stream().anyMatch(r -> r.contains(s));
    }

    /** Row and column of the first occurrence, or null. */
    public int[] find(String s) {
        List<String> rows = rows();
        for (int r = 0; r < rows.size(); r++) {
            int c = rows.get(r).indexOf(s);
            if (c >= 0) {
                return new int[] {r, c};
            }
        }
        return null;
    }

    public String rowContaining(String s) {
        return rows().stream().filter(r -> r.contains(s)).findFirst().orElse(null);
    }

    public TextCharacter at(int col, int row) {
        TextCharacter[][] g = grid();
        return row < g.length && col < g[row].length ? g[row][col] : null;
    }

    /** The cell where {@code s} first appears. */
    public TextCharacter cellOf(String s) {
        int[] pos = find(s);
        if (pos == null) {
            throw new AssertionError("'" + s + "' is not on screen:\n" + text());
        }
        return at(pos[1], pos[0]);
    }

    public TextColor fg(String s) {
        return cellOf(s).getForegroundColor();
    }

    public TextColor bg(String s) {
        return cellOf(s).getBackgroundColor();
    }

    /** Every colour used anywhere on screen. */
    public List<TextColor> allColors() {
        List<TextColor> out = new ArrayList<>();
        for (TextCharacter[] row : grid()) {
            for (TextCharacter ch : row) {
                if (ch != null) {
                    out.add(ch.getForegroundColor());
                    out.add(ch.getBackgroundColor());
                }
            }
        }
        return out;
    }

    /** The cell where {@code text} appears in the first row containing {@code rowMarker}. */
    public TextCharacter cellInRow(String rowMarker, String text) {
        List<String> rows = rows();
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            if (row.contains(rowMarker) && row.contains(text)) {
                return at(row.indexOf(text), r);
            }
        }
        throw new AssertionError("no row with '" + rowMarker + "' and '" + text + "':\n" + text());
    }

    public TextColor fgInRow(String rowMarker, String text) {
        return cellInRow(rowMarker, text).getForegroundColor();
    }

    public TextColor bgInRow(String rowMarker, String text) {
        return cellInRow(rowMarker, text).getBackgroundColor();
    }
}
