package dev.kroll.tui.widget;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.LayoutData;
import com.googlecode.lanterna.gui2.LayoutManager;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;

/**
 * Splits an area into rows or columns: each child takes a fixed number of cells or a share (weight) of
 * what is left. Deterministic, so screens look the same at every size and resizing simply re-lays out.
 */
public final class Split implements LayoutManager {

    /** How much of the split a child takes. */
    public record Size(int fixed, int weight) implements LayoutData {
        public static Size fixed(int cells) {
            return new Size(cells, 0);
        }

        public static Size weight(int w) {
            return new Size(0, w);
        }
    }

    private final boolean vertical;
    private boolean changed = true;

    private Split(boolean vertical) {
        this.vertical = vertical;
    }

    /** Children stacked top to bottom. */
    public static Panel rows(Object... componentsAndSizes) {
        return build(new Split(true), componentsAndSizes);
    }

    /** Children side by side. */
    public static Panel cols(Object... componentsAndSizes) {
        return build(new Split(false), componentsAndSizes);
    }

    private static Panel build(Split split, Object... parts) {
        Panel panel = new Panel(split);
        // The children cover the panel and the window has already cleared it: clearing it again would cost a
        // pass over every cell (Lanterna checks each cell for double width), a third of a repaint.
        Panel.DefaultPanelRenderer renderer = panel.new DefaultPanelRenderer();
        renderer.setFillAreaBeforeDrawingComponents(false);
        panel.setRenderer(renderer);
        for (int i = 0; i < parts.length; i += 2) {
            panel.addComponent((Component) parts[i], (Size) parts[i + 1]);
        }
        return panel;
    }

    @Override
    public TerminalSize getPreferredSize(List<Component> components) {
        int along = 0;
        int across = 0;
        for (Component c : components) {
            TerminalSize p = c.getPreferredSize();
            along += vertical ? p.getRows() : p.getColumns();
            across = Math.max(across, vertical ? p.getColumns() : p.getRows());
        }
        return vertical ? new TerminalSize(across, along) : new TerminalSize(along, across);
    }

    @Override
    public void doLayout(TerminalSize area, List<Component> components) {
        int total = vertical ? area.getRows() : area.getColumns();
        int across = vertical ? area.getColumns() : area.getRows();
        int fixed = 0;
        int weights = 0;
        for (Component c : components) {
            Size s = size(c);
            fixed += s.fixed();
            weights += s.weight();
        }
        int free = Math.max(0, total - fixed);
        int pos = 0;
        int weightSeen = 0;
        int freeGiven = 0;
        for (Component c : components) {
            Size s = size(c);
            int len = s.fixed();
            if (s.weight() > 0) {
                weightSeen += s.weight();
                int upTo = weights == 0 ? 0 : free * weightSeen / weights; // cumulative rounding: no lost cells
                len = upTo - freeGiven;
                freeGiven = upTo;
            }
            len = Math.max(0, Math.min(len, total - pos));
            c.setPosition(vertical ? new TerminalPosition(0, pos) : new TerminalPosition(pos, 0));
            c.setSize(vertical ? new TerminalSize(across, len) : new TerminalSize(len, across));
            pos += len;
        }
        changed = false;
    }

    private static Size size(Component c) {
        return c.getLayoutData() instanceof Size s ? s : Size.weight(1);
    }

    @Override
    public boolean hasChanged() {
        return changed;
    }
}
