package dev.kroll.tui.widget;

import dev.kroll.tui.theme.Style;

/** A text progress bar: filled cells then empty ones, readable without colour. */
public final class Bar {

    private Bar() {
    }

    public static Line render(int done, int total, int width) {
        int w = Math.max(1, width);
        int filled = total <= 0 ? 0 : (int) Math.round((double) Math.min(done, total) / total * w);
        return Line.builder().add("█".repeat(filled), Style.BAR).add("░".repeat(w - filled), Style.BAR_EMPTY).build();
    }
}
