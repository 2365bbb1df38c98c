package dev.kroll.tui.widget;

import dev.kroll.tui.theme.Style;

/** A run of text in one style. */
public record Span(String text, Style style) {

    public Span {
        text = text == null ? "" : text;
        style = style == null ? Style.NORMAL : style;
    }

    public static Span of(String text) {
        return new Span(text, Style.NORMAL);
    }

    public static Span of(String text, Style style) {
        return new Span(text, style);
    }

    public int width() {
        return text.length();
    }
}
