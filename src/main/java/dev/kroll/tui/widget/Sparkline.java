package dev.kroll.tui.widget;

/** Renders a series as block characters ▁▂▃▄▅▆▇█, newest on the right, scaled to the series' maximum. */
public final class Sparkline {

    private static final char[] BLOCKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    /** The last {@code width} points; shorter series are padded on the left with spaces. */
    public static String render(double[] series, int width) {
        if (width <= 0) {
            return "";
        }
        int n = Math.min(series.length, width);
        double max = 0;
        for (int i = series.length - n; i < series.length; i++) {
            max = Math.max(max, series[i]);
        }
        StringBuilder sb = new StringBuilder(" ".repeat(width - n));
        for (int i = series.length - n; i < series.length; i++) {
            double v = Math.max(0, series[i]);
            int level = max <= 0 ? 0 : (int) Math.round(v / max * (BLOCKS.length - 1));
            sb.append(BLOCKS[level]);
        }
        return sb.toString();
    }
}
