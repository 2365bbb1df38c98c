package dev.kroll.util;

/**
 * One thing wrong with the user's input: where, what, and how to fix it. Rendered as a single line so
 * that a list of problems reads like compiler output.
 */
public record Problem(Severity severity, SourcePos pos, String message, String fix) {

    public static Problem error(SourcePos pos, String message, String fix) {
        return new Problem(Severity.ERROR, pos, message, fix);
    }

    public static Problem warning(SourcePos pos, String message, String fix) {
        return new Problem(Severity.WARNING, pos, message, fix);
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
