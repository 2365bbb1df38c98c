package dev.kroll.tui;

import com.googlecode.lanterna.gui2.BasePane;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Container;
import com.googlecode.lanterna.gui2.Interactable;
import dev.kroll.tui.widget.Pane;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the panes of a screen (for help and focus). */
final class Panes {

    private Panes() {
    }

    static Optional<Pane> focused(BasePane window) {
        Interactable f = window.getFocusedInteractable();
        return f instanceof Pane p ? Optional.of(p) : Optional.empty();
    }

    /** Every pane under {@code root}, in layout order. */
    static List<Pane> of(Component root) {
        List<Pane> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Component c, List<Pane> out) {
        if (c instanceof Pane p) {
            out.add(p);
        } else if (c instanceof Container container) {
            container.getChildren().forEach(child -> collect(child, out));
        }
    }
}
