package dev.kroll.tui.widget;

import java.util.ArrayList;
import java.util.List;

/** Wraps styled lines at word boundaries; continuation lines are indented so lists stay readable. */
public final class Wrap {

    private Wrap() {
    }

    public static List<Line> lines(List<Line> lines, int width, int indent) {
        List<Line> out = new ArrayList<>();
        for (Line l : lines) {
            out.addAll(line(l, width, indent));
        }
        return out;
    }

    public static List<Line> line(Line line, int width, int indent) {
        if (line.keep() || width <= indent + 4 || line.width() <= width) {
            return List.of(line);
        }
        List<Line> out = new ArrayList<>();
        Line.Builder cur = Line.builder();
        int used = 0;
        for (Span span : line.spans()) {
            String rest = span.text();
            while (!rest.isEmpty()) {
                int room = width - used;
                if (rest.length() <= room) {
                    cur.add(rest, span.style());
                    used += rest.length();
                    break;
                }
                int cut = rest.lastIndexOf(' ', room);
                if (cut <= 0) {
                    cut = used == (out.isEmpty() ? 0 : indent) ? room : 0; // a word longer than the line: cut it
                }
                if (cut > 0) {
                    cur.add(rest.substring(0, cut), span.style());
                }
                out.add(cur.build());
                cur = Line.builder().add(" ".repeat(indent));
                used = indent;
                rest = rest.substring(cut).stripLeading();
            }
        }
        out.add(cur.build());
        return out;
    }
}
