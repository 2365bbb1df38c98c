package dev.kroll.tui.widget;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import java.util.function.Consumer;

/** A component that paints itself with a {@link Painter}; not focusable. */
public class Canvas extends AbstractComponent<Canvas> {

    private Consumer<Painter> paint;
    private TerminalSize preferred;

    public Canvas(TerminalSize preferred, Consumer<Painter> paint) {
        this.preferred = preferred;
        this.paint = paint;
    }

    public Canvas paintWith(Consumer<Painter> p) {
        this.paint = p;
        invalidate();
        return this;
    }

    public Canvas preferred(TerminalSize size) {
        this.preferred = size;
        invalidate();
        return this;
    }

    @Override
    protected ComponentRenderer<Canvas> createDefaultRenderer() {
        return new ComponentRenderer<>() {
            @Override
            public TerminalSize getPreferredSize(Canvas c) {
                return preferred;
            }

            @Override
            public void drawComponent(TextGUIGraphics graphics, Canvas c) {
                paint.accept(new Painter(graphics));
            }
        };
    }
}
