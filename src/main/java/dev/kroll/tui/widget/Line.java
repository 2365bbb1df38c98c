package dev.kroll.tui.widget;

import dev.kroll.tui.theme.Style;
import java.util.ArrayList;
import java.util.List;

/** One line of styled text; {@code keep} lines (table rows) are cut, never wrapped. */
public record Line(List<Span> spans, boolean keep) {

    public static final Line EMPTY = new Line(List.of());

    public Line {
        spans = List.copyOf(spans);
    }

    public Line(List<Span> spans) {
        this(spans, false);
    }

    /** The same line, cut instead of wrapped when too wide. */
    public Line kept() {
        return new Line(spans, true);
    }

    public static Line of(String text) {
        return new Line(List.of(Span.of(text)));
    }

    public static Line of(String text, Style style) {
        return new Line(List.of(Span.of(text, style)));
    }

    public static Line of(Span... spans) {
        return new Line(List.of(spans));
    }

    public static Builder builder() {
        return new Builder();
    }

    public int width() {
        return spans.stream().mapToInt(Span::width).sum();
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        spans.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    /** Builds a line span by span. */
    public static final class Builder {
        private final List<Span> spans = new ArrayList<>();

        public Builder add(String text) {
            return add(text, Style.NORMAL);
        }

        public Builder add(String text, Style style) {
            spans.add(new Span(text, style));
            return this;
        }

        public Builder add(Line line) {
            spans.addAll(line.spans());
            return this;
        }

        public Builder add(Span span) {
            spans.add(span);
            return this;
        }

        public Builder pad(int toWidth) {
            int w = spans.stream().mapToInt(Span::width).sum();
            if (w < toWidth) {
                spans.add(Span.of(" ".repeat(toWidth - w)));
            }
            return this;
        }

        public Line build() {
            return new Line(spans);
        }
    }
}
