package dev.kroll.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One key of a screen: what it is called in the footer and the help overlay, what it does, and whether it
 * changes hosts (hidden and refused under {@code --readonly}). The footer and the help are generated from
 * these, so they can never list a key that does not work.
 *
 * @param keys the key specs that trigger it (see {@link Keys#matches})
 * @param label how the key is written in the footer and help, e.g. {@code "+/-"}
 * @param description what it does, a few words
 * @param changesHosts true for anything that touches hosts (restart, upload, rollout)
 * @param inFooter whether it is worth a place in the one-line footer
 * @param enabled whether it works right now
 * @param action what it does (null for keys a pane handles itself; listed for help only)
 */
public record KeyBinding(List<String> keys, String label, String description, boolean changesHosts, boolean inFooter,
                         BooleanSupplier enabled, Runnable action) {

    public KeyBinding {
        keys = List.copyOf(keys);
        enabled = enabled == null ? () -> true : enabled;
    }

    public static KeyBinding of(String key, String description, Runnable action) {
        return new KeyBinding(List.of(key), Keys.label(key), description, false, true, null, action);
    }

    /** A key a pane handles itself, listed in the help (and optionally the footer). */
    public static KeyBinding info(String label, String description, boolean inFooter) {
        return new KeyBinding(List.of(), label, description, false, inFooter, null, null);
    }

    public KeyBinding changingHosts() {
        return new KeyBinding(keys, label, description, true, inFooter, enabled, action);
    }

    public KeyBinding notInFooter() {
        return new KeyBinding(keys, label, description, changesHosts, false, enabled, action);
    }

    public KeyBinding when(BooleanSupplier condition) {
        return new KeyBinding(keys, label, description, changesHosts, inFooter, condition, action);
    }

    public KeyBinding labelled(String newLabel) {
        return new KeyBinding(keys, newLabel, description, changesHosts, inFooter, enabled, action);
    }

    public KeyBinding alsoKey(String key) {
        List<String> k = new java.util.ArrayList<>(keys);
        k.add(key);
        return new KeyBinding(k, label, description, changesHosts, inFooter, enabled, action);
    }

    public boolean matches(KeyStroke stroke) {
        return keys.stream().anyMatch(k -> Keys.matches(stroke, k));
    }

    public boolean isEnabled() {
        return enabled.getAsBoolean();
    }
}
