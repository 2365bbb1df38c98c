package dev.kroll.tui;

import com.googlecode.lanterna.gui2.Component;
import java.util.List;

/** A full screen of the TUI (wizard, dashboard, broker detail) shown between the header and the footer. */
public interface View {

    /** Shown in the header, e.g. "Dashboard". */
    String title();

    /** The screen's content; panes inside it are reached with Tab. */
    Component component();

    /** The screen's own keys (the global ones are added by the shell). */
    List<KeyBinding> bindings();

    /** Called when the view becomes visible. */
    default void shown(Shell shell) {
    }

    /** Called when another view replaces it. */
    default void hidden() {
    }

    /** Esc: undo something local first; false lets the shell go back to the previous view. */
    default boolean back() {
        return false;
    }
}
