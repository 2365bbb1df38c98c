package dev.kroll.util.yaml;

import dev.kroll.util.SourcePos;

/** A scalar; {@code value} is null for YAML null ({@code ~}, {@code null} or nothing). */
public record YScalar(String value, SourcePos pos) implements YNode {

    @Override
    public String kind() {
        return value == null ? "an empty value" : "a single value";
    }
}
