package dev.kroll.tui.widget;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.Theme;
import com.googlecode.lanterna.graphics.ThemeDefinition;
import com.googlecode.lanterna.graphics.ThemeStyle;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import dev.kroll.tui.theme.Style;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.WeakHashMap;

/** Draws styled text into a component's area; every colour comes from the theme through a {@link Style}. */
public final class Painter {

    /** A theme's styles resolved once (Lanterna looks each one up through its theme tree on every call). */
    private record Resolved(TextColor fg, TextColor bg, EnumSet<SGR> sgr) {
    }

    private static final Map<Theme, Map<Style, Resolved>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private final TextGUIGraphics g;
    private final Map<Style, Resolved> styles;
    private final Style base;

    public Painter(TextGUIGraphics g) {
        this(g, g.getTextGUI() == null || g.getTextGUI().getTheme() == null ? null
                : CACHE.computeIfAbsent(g.getTextGUI().getTheme(), Painter::resolve), Style.NORMAL);
    }

    private Painter(TextGUIGraphics g, Map<Style, Resolved> styles, Style base) {
        this.g = g;
        this.styles = styles;
        this.base = base;
    }

    private static Map<Style, Resolved> resolve(Theme theme) {
        ThemeDefinition root = theme.getDefaultDefinition();
        Map<Style, Resolved> m = new EnumMap<>(Style.class);
        for (Style s : Style.values()) {
            ThemeStyle ts = s == Style.NORMAL ? root.getNormal() : root.getCustom(s.key());
            m.put(s, new Resolved(ts.getForeground(), ts.getBackground(), ts.getSGRs()));
        }
        return m;
    }

    /**
     * The same area, but styles without a background of their own take {@code base}'s background (text on
     * an overlay keeps the overlay's colour).
     */
    public Painter on(Style newBase) {
        return new Painter(g, styles, newBase);
    }

    public int cols() {
        return g.getSize().getColumns();
    }

    public int rows() {
        return g.getSize().getRows();
    }

    /** A painter for a sub-area (clipped). */
    public Painter area(int col, int row, int cols, int rows) {
        int c = Math.max(0, Math.min(col, cols()));
        int r = Math.max(0, Math.min(row, rows()));
        int w = Math.max(0, Math.min(cols, cols() - c));
        int h = Math.max(0, Math.min(rows, rows() - r));
        return new Painter(g.newTextGraphics(new TerminalPosition(c, r), new TerminalSize(w, h)), styles, base);
    }

    public Painter style(Style style) {
        if (styles == null) {
            return this;
        }
        Resolved r = styles.get(style);
        TextColor bg = r.bg();
        if (base != Style.NORMAL && style != base && bg.equals(styles.get(Style.NORMAL).bg())) {
            bg = styles.get(base).bg();
        }
        g.setForegroundColor(r.fg());
        g.setBackgroundColor(bg);
        g.setModifiers(r.sgr());
        return this;
    }

    /**
     * True when {@code style} looks exactly like the window's own background, which Lanterna has already
     * painted under every component of this repaint: filling with it again would only cost time.
     */
    public boolean sameAsWindow(Style style) {
        if (styles == null) {
            return false;
        }
        ThemeStyle w = g.getTextGUI().getTheme().getDefinition(com.googlecode.lanterna.gui2.Window.class).getNormal();
        Resolved r = styles.get(style);
        return r.fg().equals(w.getForeground()) && r.bg().equals(w.getBackground()) && r.sgr().equals(w.getSGRs());
    }

    public Painter fill(Style style) {
        style(style);
        g.fill(' ');
        return this;
    }

    public Painter fillRow(int row, Style style) {
        if (row < 0 || row >= rows()) {
            return this;
        }
        style(style);
        g.drawLine(0, row, cols() - 1, row, ' ');
        return this;
    }

    /** Puts text, cut to {@code maxWidth} with an ellipsis when too long. Returns the columns used. */
    public int text(int col, int row, String text, Style style, int maxWidth) {
        if (row < 0 || row >= rows() || col >= cols() || maxWidth <= 0) {
            return 0;
        }
        String t = fit(text, Math.min(maxWidth, cols() - col));
        style(style);
        g.putString(col, row, t);
        return t.length();
    }

    public int text(int col, int row, String text, Style style) {
        return text(col, row, text, style, cols() - col);
    }

    /** Puts a line, cut to {@code maxWidth}. Returns the columns used. */
    public int line(int col, int row, Line line, int maxWidth) {
        int used = 0;
        for (Span s : line.spans()) {
            if (used >= maxWidth) {
                break;
            }
            int room = maxWidth - used;
            String t = s.text().length() > room ? fit(s.text(), room) : s.text();
            used += text(col + used, row, t, s.style(), room);
        }
        return used;
    }

    public int line(int col, int row, Line line) {
        return line(col, row, line, cols() - col);
    }

    /** A single-line frame around the whole area with a title in the top border. */
    public void frame(String title, boolean focused) {
        frame(title, focused ? Style.FOCUS : Style.DIM, focused ? Style.FOCUS : Style.HEADER, focused ? "▸" : " ");
    }

    /** A frame in the given styles. */
    public void frame(String title, Style border, Style titleStyle, String marker) {
        int w = cols();
        int h = rows();
        if (w < 2 || h < 2) {
            return;
        }
        style(border);
        g.drawLine(1, 0, w - 2, 0, '─');
        g.drawLine(1, h - 1, w - 2, h - 1, '─');
        g.drawLine(0, 1, 0, h - 2, '│');
        g.drawLine(w - 1, 1, w - 1, h - 2, '│');
        g.setCharacter(0, 0, '┌');
        g.setCharacter(w - 1, 0, '┐');
        g.setCharacter(0, h - 1, '└');
        g.setCharacter(w - 1, h - 1, '┘');
        if (title != null && !title.isEmpty()) {
            text(1, 0, marker + title + " ", titleStyle, w - 2);
        }
    }

    /** Cuts text to a width, marking the cut with an ellipsis. */
    public static String fit(String text, int width) {
        if (width <= 0) {
            return "";
        }
        String t = text.replace('\t', ' ').replace('\n', ' ');
        if (t.length() <= width) {
            return t;
        }
        return width == 1 ? "…" : t.substring(0, width - 1) + "…";
    }

    public static String padRight(String text, int width) {
        String t = fit(text, width);
        return t + " ".repeat(Math.max(0, width - t.length()));
    }

    public static String padLeft(String text, int width) {
        String t = fit(text, width);
        return " ".repeat(Math.max(0, width - t.length())) + t;
    }
}
