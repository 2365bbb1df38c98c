package dev.kroll.util;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * One thing wrong with the user's input: where, what, and how to fix it. Rendered as a single line so
 * that a list of problems reads like compiler output.
 */
public record Problem(Severity severity, SourcePos pos, String message, String fix) {

    /**
     * Reading order: by file, then line and column; within a file, problems about the whole file
     * (no line, e.g. "no host has the zookeeper role") come after the ones that point at a line.
     * Problems without a position come last. Stable, so equal positions keep the order found.
     */
    public static final Comparator<Problem> READING_ORDER = Comparator
            .comparing((Problem p) -> p.pos() == null || !p.pos().known())
            .thenComparing(p -> p.pos() == null || p.pos().file() == null ? "" : p.pos().file())
            .thenComparing(p -> p.pos() == null || p.pos().line() <= 0)
            .thenComparingInt(p -> p.pos() == null ? 0 : p.pos().line())
            .thenComparingInt(p -> p.pos() == null ? 0 : p.pos().column());

    public static Problem error(SourcePos pos, String message, String fix) {
        return new Problem(Severity.ERROR, pos, message, fix);
    }

    public static Problem warning(SourcePos pos, String message, String fix) {
        return new Problem(Severity.WARNING, pos, message, fix);
    }

    public static Problem note(SourcePos pos, String message, String fix) {
        return new Problem(Severity.NOTE, pos, message, fix);
    }

    /** The problems sorted in {@link #READING_ORDER} (a new list). */
    public static List<Problem> sorted(Collection<Problem> problems) {
        List<Problem> out = new ArrayList<>(problems);
        out.sort(READING_ORDER);
        return out;
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code cluster.yaml:12:5: error: duplicate address 10.0.0.1 — give each host its own address}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (pos != null && pos.known()) {
            sb.append(pos).append(": ");
        }
        sb.append(severity.label()).append(": ").append(message);
        if (fix != null && !fix.isBlank()) {
            sb.append(" — ").append(fix);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
