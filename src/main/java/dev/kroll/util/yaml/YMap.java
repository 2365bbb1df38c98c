package dev.kroll.util.yaml;

import dev.kroll.util.SourcePos;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A mapping with string keys, in the order written. */
public record YMap(Map<String, Entry> entries, SourcePos pos) implements YNode {

    /** One key with the position of the key itself (for "unknown key" errors) and its value. */
    public record Entry(String key, SourcePos keyPos, YNode value) {
    }

    public YMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public static YMap empty(SourcePos pos) {
        return new YMap(Map.of(), pos);
    }

    public Optional<YNode> get(String key) {
        Entry e = entries.get(key);
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    @Override
    public String kind() {
        return "a mapping";
    }
}
