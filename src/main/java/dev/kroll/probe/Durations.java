package dev.kroll.probe;

import java.time.Duration;

/** Short human forms of durations for one-line displays ({@code 850ms}, {@code 12s}, {@code 4m}, {@code 3h}, {@code 2d}). */
public final class Durations {

    private Durations() {
    }

    public static String brief(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = Math.max(0, d.toMillis());
        if (ms < 1000) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s < 120) {
            return s + "s";
        }
        if (s < 2 * 3600) {
            return s / 60 + "m";
        }
        if (s < 2 * 86400) {
            return s / 3600 + "h";
        }
        return s / 86400 + "d";
    }
}
