package dev.kroll.tui.theme;

/**
 * What a piece of text means, independent of colour. Each theme file maps these names (as Lanterna
 * custom styles at the root, e.g. {@code foreground[OK] = green}); screens only ever ask for a Style.
 * Health is never told by colour alone: every OK/WARN/BAD cell also carries a word or a symbol.
 */
public enum Style {
    NORMAL,
    DIM,
    TITLE,
    HEADER,
    ACCENT,
    KEY,
    SELECTED,
    FOCUS,
    OK,
    WARN,
    BAD,
    UNKNOWN,
    CHANGED,
    BAR,
    BAR_EMPTY,
    FOOTER,
    OVERLAY,
    INPUT;

    /** The name used in the theme files. */
    public String key() {
        return name();
    }
}
