package dev.kroll.util;

/** Formats exceptions for people: one line normally, the whole causal chain with frames under --debug. */
public final class Errors {

    private Errors() {
    }

    /** The innermost useful message: "Connection refused" rather than a wrapper's class name. */
    public static String message(Throwable t) {
        String msg = null;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                msg = c.getMessage();
                if (c instanceof KrollException) {
                    break;
                }
            }
        }
        return msg == null ? t.getClass().getSimpleName() : msg;
    }

    /** Full chain with stack frames, for --debug and the log file. */
    public static String trace(Throwable t) {
        StringBuilder sb = new StringBuilder();
        String prefix = "";
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(prefix).append(c).append('\n');
            for (StackTraceElement e : c.getStackTrace()) {
                sb.append("\tat ").append(e).append('\n');
            }
            prefix = "Caused by: ";
            if (c.getCause() == c) {
                break;
            }
        }
        return sb.toString();
    }
}
