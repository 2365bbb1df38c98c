package dev.kroll.tui.overlay;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Window;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Canvas;
import dev.kroll.tui.widget.Line;
import dev.kroll.tui.widget.Painter;
import java.util.List;
import java.util.Set;

/** Shows an {@link Overlay} centred over the screen, sized to its content and to the terminal. */
public final class OverlayWindow extends BasicWindow {

    private final Overlay overlay;
    private final Canvas canvas;

    public OverlayWindow(Overlay overlay, TerminalSize terminal) {
        super(overlay.title());
        this.overlay = overlay;
        setHints(Set.of(Window.Hint.CENTERED, Window.Hint.NO_DECORATIONS, Window.Hint.NO_POST_RENDERING, Window.Hint.MODAL));
        this.canvas = new Canvas(TerminalSize.ONE, this::paint);
        setComponent(canvas);
        fit(terminal);
    }

    public Overlay overlay() {
        return overlay;
    }

    /** Sizes the box for the terminal (called again after a resize). */
    public void fit(TerminalSize terminal) {
        int width = Math.max(20, Math.min(overlay.preferredWidth(), terminal.getColumns() - 4));
        int bodyRows = overlay.body(width - 4).size();
        int height = Math.max(5, Math.min(bodyRows + 4, terminal.getRows() - 2));
        canvas.preferred(new TerminalSize(width, height));
        canvas.invalidate();
    }

    public void refresh() {
        canvas.invalidate();
    }

    private void paint(Painter p) {
        p = p.on(Style.OVERLAY);
        p.fill(Style.OVERLAY);
        p.frame(overlay.title(), Style.OVERLAY, Style.TITLE, " ");
        List<Line> body = overlay.body(p.cols() - 4);
        int visible = p.rows() - 4;
        int first = Math.max(0, Math.min(overlay.scroll(), Math.max(0, body.size() - visible)));
        for (int i = 0; i < visible && first + i < body.size(); i++) {
            p.line(2, 1 + i, body.get(first + i), p.cols() - 4);
        }
        if (first > 0) {
            p.text(p.cols() - 3, 1, "▲", Style.DIM);
        }
        if (first + visible < body.size()) {
            p.text(p.cols() - 3, p.rows() - 3, "▼", Style.DIM);
        }
        p.line(2, p.rows() - 2, overlay.hints(), p.cols() - 4);
    }
}
