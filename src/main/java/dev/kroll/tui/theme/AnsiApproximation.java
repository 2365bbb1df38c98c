package dev.kroll.tui.theme;

import com.googlecode.lanterna.TextColor;

/** Maps an xterm 256-colour index to the nearest of the 16 ANSI colours, for terminals without 256 colours. */
final class AnsiApproximation {

    private AnsiApproximation() {
    }

    static TextColor.ANSI nearest(int index) {
        TextColor.Indexed wanted = new TextColor.Indexed(index);
        TextColor.ANSI best = TextColor.ANSI.WHITE;
        long bestDistance = Long.MAX_VALUE;
        for (TextColor.ANSI c : TextColor.ANSI.values()) {
            if (c == TextColor.ANSI.DEFAULT) {
                continue;
            }
            long dr = wanted.getRed() - c.getRed();
            long dg = wanted.getGreen() - c.getGreen();
            long db = wanted.getBlue() - c.getBlue();
            long d = dr * dr + dg * dg + db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }
}
