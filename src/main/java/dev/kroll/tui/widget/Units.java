package dev.kroll.tui.widget;

import java.util.Locale;

/** Numbers as operators read them: 1.2k/s, 3.4 MB/s, 512 MiB heap. */
public final class Units {

    private Units() {
    }

    /** 950, 1.2k, 34k, 1.5M. */
    public static String count(double v) {
        double a = Math.abs(v);
        if (a < 1000) {
            return a < 10 && a != Math.rint(a) ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(Math.round(v));
        }
        String[] suffix = {"k", "M", "G", "T"};
        int i = -1;
        while (a >= 1000 && i < suffix.length - 1) {
            a /= 1000;
            v /= 1000;
            i++;
        }
        return (a < 10 ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(Math.round(v))) + suffix[i];
    }

    /** Bytes in binary units: 512 B, 1.5 KiB, 3.2 GiB. */
    public static String bytes(double b) {
        String[] unit = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        while (Math.abs(b) >= 1024 && i < unit.length - 1) {
            b /= 1024;
            i++;
        }
        return (i == 0 || Math.abs(b) >= 10 ? String.valueOf(Math.round(b)) : String.format(Locale.ROOT, "%.1f", b)) + " " + unit[i];
    }

    /** 0.07 → "7%". */
    public static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    /** Milliseconds: 0.4 ms, 12 ms, 1.2 s. */
    public static String millis(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        }
        return ms < 10 && ms != Math.rint(ms) ? String.format(Locale.ROOT, "%.1f ms", ms) : Math.round(ms) + " ms";
    }
}
