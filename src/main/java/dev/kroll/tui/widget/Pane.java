package dev.kroll.tui.widget;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractInteractableComponent;
import com.googlecode.lanterna.gui2.InteractableRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.kroll.tui.KeyBinding;
import dev.kroll.tui.theme.Style;
import java.util.List;

/**
 * A framed, focusable area of a screen (Tab moves between panes). Subclasses paint the inside and handle
 * their own keys; the frame title shows which pane has the focus.
 */
public abstract class Pane extends AbstractInteractableComponent<Pane> {

    private String title;
    private TerminalSize preferred = new TerminalSize(20, 5);

    protected Pane(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public Pane title(String t) {
        this.title = t;
        invalidate();
        return this;
    }

    public Pane preferred(TerminalSize size) {
        this.preferred = size;
        invalidate();
        return this;
    }

    /** Paints the inside of the frame. */
    protected abstract void paintBody(Painter p);

    /** The keys this pane understands, for the help overlay and the footer. */
    public abstract List<KeyBinding> bindings();

    /** True while the pane is taking text (a filter being typed): then every key goes to it. */
    public boolean capturesAllKeys() {
        return false;
    }

    /** Handles a key; return false to let the key go on (to Tab focus movement and the global keys). */
    protected abstract boolean onKey(KeyStroke key);

    /** Esc: undo local state (clear a filter); false if there was nothing to undo. */
    public boolean back() {
        return false;
    }

    @Override
    protected Result handleKeyStroke(KeyStroke key) {
        if (onKey(key)) {
            invalidate();
            return Result.HANDLED;
        }
        if (key.getKeyType() == KeyType.Tab) {
            return Result.MOVE_FOCUS_NEXT;
        }
        if (key.getKeyType() == KeyType.ReverseTab) {
            return Result.MOVE_FOCUS_PREVIOUS;
        }
        return Result.UNHANDLED;
    }

    @Override
    protected InteractableRenderer<Pane> createDefaultRenderer() {
        return new InteractableRenderer<>() {
            @Override
            public TerminalPosition getCursorLocation(Pane component) {
                return null; // no blinking cursor in panes
            }

            @Override
            public TerminalSize getPreferredSize(Pane component) {
                return preferred;
            }

            @Override
            public void drawComponent(TextGUIGraphics graphics, Pane component) {
                Painter p = new Painter(graphics);
                if (!p.sameAsWindow(Style.NORMAL)) { // the window has just been cleared with it (see Painter)
                    p.fill(Style.NORMAL);
                }
                p.frame(title, isFocused());
                paintBody(p.area(1, 1, p.cols() - 2, p.rows() - 2));
            }
        };
    }
}
