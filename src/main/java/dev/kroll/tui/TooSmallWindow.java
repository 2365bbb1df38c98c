package dev.kroll.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Window;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Canvas;
import dev.kroll.tui.widget.Painter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Covers the screen when the terminal is smaller than kroll's layouts need, saying so plainly. */
final class TooSmallWindow extends BasicWindow {

    static final int MIN_COLS = 80;
    static final int MIN_ROWS = 24;

    private TerminalSize size = TerminalSize.ONE;
    private final Canvas canvas;

    TooSmallWindow() {
        super("too small");
        setHints(Set.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS, Window.Hint.NO_POST_RENDERING));
        canvas = new Canvas(TerminalSize.ONE, this::paint);
        setComponent(canvas);
    }

    static boolean tooSmall(TerminalSize s) {
        return s.getColumns() < MIN_COLS || s.getRows() < MIN_ROWS;
    }

    void size(TerminalSize s) {
        this.size = s;
        canvas.invalidate();
    }

    private void paint(Painter p) {
        p.fill(Style.NORMAL);
        List<String> lines = new ArrayList<>();
        lines.add("kroll needs a terminal of at least " + MIN_COLS + "×" + MIN_ROWS + ".");
        lines.add("This one is " + size.getColumns() + "×" + size.getRows() + ".");
        lines.add("Make the window larger (or the font smaller);");
        lines.add("the screen comes back by itself.");
        lines.add("");
        lines.add("q quits");
        List<String> wrapped = new ArrayList<>();
        for (String l : lines) {
            wrapped.addAll(wrap(l, Math.max(1, p.cols() - 2)));
        }
        int top = Math.max(0, (p.rows() - wrapped.size()) / 2);
        for (int i = 0; i < wrapped.size(); i++) {
            String l = wrapped.get(i);
            Style st = i == 0 ? Style.WARN : l.equals("q quits") ? Style.KEY : Style.NORMAL;
            p.text(Math.max(0, (p.cols() - l.length()) / 2), top + i, l, st);
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(Painter.fit(word, width));
        }
        out.add(line.toString());
        return out;
    }
}
