package dev.kroll.util;

import java.nio.file.Path;

/** Where a value came from in a file the user wrote, so errors can point at it. Line and column are 1-based; 0 means unknown. */
public record SourcePos(String file, int line, int column) {

    public static final SourcePos NONE = new SourcePos(null, 0, 0);

    public static SourcePos of(Path file, int line, int column) {
        return new SourcePos(file == null ? null : file.toString(), line, column);
    }

    public static SourcePos file(Path file) {
        return of(file, 0, 0);
    }

    public boolean known() {
        return file != null;
    }

    /** {@code cluster.yaml:12:5}, {@code cluster.yaml:12}, {@code cluster.yaml} or empty. */
    @Override
    public String toString() {
        if (file == null) {
            return "";
        }
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
