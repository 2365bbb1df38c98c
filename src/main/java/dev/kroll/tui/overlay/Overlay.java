package dev.kroll.tui.overlay;

import com.googlecode.lanterna.input.KeyStroke;
import dev.kroll.tui.widget.Line;
import java.util.List;

/** A box over the current screen (help, confirmation, host key) that takes every key while it is open. */
public abstract class Overlay {

    private Runnable closer = () -> { };

    public abstract String title();

    /** The body, laid out for the given inner width. */
    public abstract List<Line> body(int width);

    /** The key hints on the bottom line of the box. */
    public abstract Line hints();

    /** Handles a key; call {@link #close()} to dismiss. */
    public abstract void onKey(KeyStroke key);

    /** How wide the box would like to be (it is narrowed to fit the terminal). */
    public int preferredWidth() {
        return 64;
    }

    /** First body line shown (for scrolling overlays). */
    public int scroll() {
        return 0;
    }

    public final void close() {
        closer.run();
    }

    /** Set by the shell when the overlay is opened. */
    public final void onClose(Runnable r) {
        this.closer = r;
    }
}
