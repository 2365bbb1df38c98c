package dev.kroll.plan;

import dev.kroll.util.SourcePos;

/**
 * The layer that set a value, with a name (the group or host) or, for derived values, the reason,
 * and where it was written.
 */
public record Origin(Layer layer, String name, SourcePos pos) {

    public static final Origin DEFAULT = new Origin(Layer.DEFAULT, null, SourcePos.NONE);

    public static Origin derived(String why) {
        return new Origin(Layer.DERIVED, why, SourcePos.NONE);
    }

    /** E.g. {@code group big (cluster.yaml:20:22)}, {@code derived: 3 brokers}, {@code kroll default}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(layer.label());
        if (name != null && !name.isEmpty()) {
            sb.append(layer == Layer.DERIVED ? ": " : " ").append(name);
        }
        if (pos != null && pos.known()) {
            sb.append(" (").append(pos).append(')');
        }
        return sb.toString();
    }
}
