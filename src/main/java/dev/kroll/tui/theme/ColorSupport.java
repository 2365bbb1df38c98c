package dev.kroll.tui.theme;

import java.util.Locale;
import java.util.Map;

/**
 * How many colours to use, decided from the environment only (no terminal round trip): {@code NO_COLOR}
 * (https://no-color.org) or a terminal type that reports few colours means monochrome.
 */
public enum ColorSupport {
    MONOCHROME,
    ANSI,
    INDEXED_256;

    public static ColorSupport detect(Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            return MONOCHROME;
        }
        String term = env.getOrDefault("TERM", "").toLowerCase(Locale.ROOT);
        if (term.isEmpty() || term.equals("dumb") || term.endsWith("-mono") || term.endsWith("-m")
                || term.equals("vt52") || term.equals("vt100") || term.equals("vt102") || term.equals("vt220")) {
            return MONOCHROME;
        }
        String colorterm = env.getOrDefault("COLORTERM", "").toLowerCase(Locale.ROOT);
        if (term.contains("256color") || colorterm.equals("truecolor") || colorterm.equals("24bit")) {
            return INDEXED_256;
        }
        return ANSI;
    }
}
