package dev.kroll.util;

public enum Severity {
    ERROR, WARNING,
    /** Not a problem: tells the user a choice kroll made for them (e.g. roles given to hosts that named none). */
    NOTE;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
