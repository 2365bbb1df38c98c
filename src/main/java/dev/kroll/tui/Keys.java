package dev.kroll.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Locale;
import java.util.Map;

/** Key specs as written in bindings and docs: {@code q}, {@code ?}, {@code Enter}, {@code Esc}, {@code C-c}, {@code Up}. */
public final class Keys {

    private static final Map<String, KeyType> NAMED = Map.ofEntries(
            Map.entry("enter", KeyType.Enter), Map.entry("esc", KeyType.Escape), Map.entry("tab", KeyType.Tab),
            Map.entry("s-tab", KeyType.ReverseTab), Map.entry("up", KeyType.ArrowUp), Map.entry("down", KeyType.ArrowDown),
            Map.entry("left", KeyType.ArrowLeft), Map.entry("right", KeyType.ArrowRight), Map.entry("pgup", KeyType.PageUp),
            Map.entry("pgdn", KeyType.PageDown), Map.entry("home", KeyType.Home), Map.entry("end", KeyType.End),
            Map.entry("backspace", KeyType.Backspace));

    private Keys() {
    }

    public static boolean matches(KeyStroke k, String spec) {
        if (k == null) {
            return false;
        }
        KeyStroke want = stroke(spec);
        if (want.getKeyType() == KeyType.Character) {
            return k.getKeyType() == KeyType.Character && k.isCtrlDown() == want.isCtrlDown() && !k.isAltDown()
                    && (want.isCtrlDown() ? Character.toLowerCase(k.getCharacter()) == want.getCharacter()
                    : k.getCharacter().equals(want.getCharacter()));
        }
        return k.getKeyType() == want.getKeyType() && !k.isCtrlDown() && !k.isAltDown();
    }

    public static boolean isChar(KeyStroke k) {
        return k.getKeyType() == KeyType.Character && !k.isCtrlDown() && !k.isAltDown();
    }

    /** How a spec is written for people. */
    public static String label(String spec) {
        return switch (spec) {
            case "Up" -> "↑";
            case "Down" -> "↓";
            case "Left" -> "←";
            case "Right" -> "→";
            case "C-c" -> "ctrl-c";
            default -> spec.length() > 1 ? spec.toLowerCase(Locale.ROOT) : spec;
        };
    }

    /** Parses a spec ({@code "q"}, {@code "Enter"}, {@code "C-c"}, {@code "space"}). */
    public static KeyStroke stroke(String spec) {
        if (spec.startsWith("C-") && spec.length() == 3) {
            return new KeyStroke(spec.charAt(2), true, false);
        }
        if (spec.length() == 1) {
            return new KeyStroke(spec.charAt(0), false, false);
        }
        if (spec.equalsIgnoreCase("space")) {
            return new KeyStroke(' ', false, false);
        }
        KeyType type = NAMED.get(spec.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new IllegalArgumentException("unknown key spec " + spec);
        }
        return new KeyStroke(type);
    }
}
