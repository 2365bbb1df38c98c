package dev.kroll.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.AbstractComponent;
import com.googlecode.lanterna.gui2.ComponentRenderer;
import com.googlecode.lanterna.gui2.TextGUIGraphics;

/** The GUI's background behind the full-screen main window: never visible, so it paints nothing. */
final class HiddenBackground extends AbstractComponent<HiddenBackground> {

    @Override
    protected ComponentRenderer<HiddenBackground> createDefaultRenderer() {
        return new ComponentRenderer<>() {
            @Override
            public TerminalSize getPreferredSize(HiddenBackground component) {
                return TerminalSize.ONE;
            }

            @Override
            public void drawComponent(TextGUIGraphics graphics, HiddenBackground component) {
                // covered by the main window
            }
        };
    }
}
