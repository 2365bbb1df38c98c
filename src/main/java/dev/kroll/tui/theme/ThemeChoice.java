package dev.kroll.tui.theme;

import com.googlecode.lanterna.TextColor;
import java.util.Map;

/**
 * Which theme to start with. An explicit {@code --theme} wins (as the NO_COLOR convention asks);
 * otherwise NO_COLOR or a terminal with few colours means monochrome; otherwise the inventory's
 * {@code cluster.theme}; otherwise {@value Themes#DEFAULT}.
 *
 * <p>A theme spec is {@code NAME}, {@code NAME+ACCENT} or just {@code ACCENT}, e.g. {@code light},
 * {@code dark+red} or {@code red} (the default theme with a red title bar, say for production).
 */
public final class ThemeChoice {

    private ThemeChoice() {
    }

    public static Themes.KrollTheme choose(String cliTheme, String inventoryTheme, Map<String, String> env) {
        ColorSupport colors = ColorSupport.detect(env);
        if (cliTheme != null && !cliTheme.isBlank()) {
            return load(cliTheme, colors == ColorSupport.MONOCHROME ? ColorSupport.ANSI : colors);
        }
        if (colors == ColorSupport.MONOCHROME) {
            return Themes.load(Themes.MONOCHROME, null, colors);
        }
        if (inventoryTheme != null && !inventoryTheme.isBlank()) {
            return load(inventoryTheme, colors);
        }
        return Themes.load(Themes.DEFAULT, null, colors);
    }

    /** Loads a spec ({@code NAME}, {@code NAME+ACCENT} or {@code ACCENT}). */
    public static Themes.KrollTheme load(String spec, ColorSupport colors) {
        String s = spec.trim();
        int plus = s.indexOf('+');
        if (plus >= 0) {
            String name = s.substring(0, plus).trim();
            return Themes.load(name.isEmpty() ? Themes.DEFAULT : name, s.substring(plus + 1).trim(), colors);
        }
        if (!Themes.NAMES.contains(s) && !s.endsWith(".properties") && isColor(s)) {
            return Themes.load(Themes.DEFAULT, s, colors);
        }
        return Themes.load(s, null, colors);
    }

    private static boolean isColor(String s) {
        try {
            TextColor.Factory.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
