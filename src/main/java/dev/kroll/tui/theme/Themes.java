package dev.kroll.tui.theme;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.PropertyTheme;
import com.googlecode.lanterna.graphics.Theme;
import dev.kroll.util.DidYouMean;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Loads the Lanterna property themes of the top-level {@code themes/} directory (packed into the jar under
 * {@code themes/}), applies a cluster accent and downgrades indexed colours on 16-colour terminals.
 */
public final class Themes {

    /** The themes kroll ships, in the order {@code :theme} lists them. */
    public static final List<String> NAMES = List.of("dark", "light", "high-contrast", "colorblind", "monochrome");
    public static final String DEFAULT = "dark";
    public static final String MONOCHROME = "monochrome";

    private Themes() {
    }

    /**
     * A theme by name ({@code dark}), or a theme file ({@code my-theme.properties}).
     *
     * @param accent an ANSI colour name or {@code #N} for the title bar and focus (null: the theme's own)
     */
    public static KrollTheme load(String name, String accent, ColorSupport colors) {
        Properties props = properties(name);
        if (accent != null && !MONOCHROME.equals(name)) {
            checkColor(accent);
            props.setProperty("background[TITLE]", accent);
            props.setProperty("foreground[ACCENT]", accent);
            props.setProperty("foreground[FOCUS]", accent);
        }
        if (colors == ColorSupport.ANSI) {
            for (String key : props.stringPropertyNames()) {
                String v = props.getProperty(key).trim();
                if ((key.startsWith("foreground") || key.startsWith("background")) && v.matches("#[0-9]{1,3}")) {
                    props.setProperty(key, AnsiApproximation.nearest(Integer.parseInt(v.substring(1))).name().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new KrollTheme(name, accent, colors, new PropertyTheme(props, true));
    }

    static Properties properties(String name) {
        Properties props = new Properties();
        try {
            if (name.endsWith(".properties")) {
                Path file = Path.of(name);
                if (!Files.isRegularFile(file)) {
                    throw KrollException.badInput("theme file " + file + " does not exist; give one of "
                            + String.join(", ", NAMES) + " or an existing .properties file");
                }
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    props.load(r);
                }
                return props;
            }
            try (InputStream in = Themes.class.getClassLoader().getResourceAsStream("themes/" + name + ".properties")) {
                if (in == null) {
                    String hint = DidYouMean.closest(name, NAMES).map(s -> "did you mean '" + s + "'? ").orElse("");
                    throw KrollException.badInput("unknown theme '" + name + "'; " + hint + "themes: "
                            + String.join(", ", NAMES) + " (or a path to a .properties file)");
                }
                props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return props;
        } catch (IOException e) {
            throw KrollException.failure("cannot read theme " + name + ": " + e.getMessage(), e);
        }
    }

    private static String checkColor(String accent) {
        try {
            TextColor.Factory.fromString(accent);
            return accent;
        } catch (IllegalArgumentException e) {
            throw KrollException.badInput("unknown accent colour '" + accent
                    + "'; use an ANSI colour name (red, green, yellow, blue, magenta, cyan, white, red_bright...) or #0-#255");
        }
    }

    /** A loaded theme: its name, the accent applied (or null), the colours it was made for, the Lanterna theme. */
    public record KrollTheme(String name, String accent, ColorSupport colors, Theme lanterna) {
        public String label() {
            return accent == null ? name : name + "+" + accent;
        }
    }
}
