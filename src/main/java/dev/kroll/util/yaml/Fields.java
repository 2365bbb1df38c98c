package dev.kroll.util.yaml;

import dev.kroll.util.DidYouMean;
import dev.kroll.util.Problem;
import dev.kroll.util.Setting;
import dev.kroll.util.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of one YAML mapping against the keys it may have. Problems are collected, not
 * thrown, so one run reports everything wrong with a file.
 */
public final class Fields {

    private final YMap map;
    private final String where;
    private final List<Problem> problems;

    /**
     * @param where how to name this mapping in messages, e.g. "host kafka1" or "paths"
     * @param allowed keys this mapping may have; anything else is reported with a suggestion
     */
    public Fields(YMap map, String where, Set<String> allowed, List<Problem> problems) {
        this.map = map;
        this.where = where;
        this.problems = problems;
        for (YMap.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                problems.add(Problem.error(e.keyPos(), "unknown key '" + e.key() + "' in " + where,
                        DidYouMean.hint(e.key(), allowed)));
            }
        }
    }

    /** Reads a node that must be a mapping; anything else is reported and treated as empty. */
    public static YMap asMap(YNode node, String where, List<Problem> problems) {
        if (node instanceof YMap m) {
            return m;
        }
        if (node instanceof YScalar s && s.value() == null) {
            return YMap.empty(node.pos());
        }
        problems.add(Problem.error(node.pos(), where + " must be a mapping (key: value lines), found " + node.kind(),
                "indent its keys under '" + where + ":'"));
        return YMap.empty(node.pos());
    }

    public YMap map() {
        return map;
    }

    public SourcePos pos() {
        return map.pos();
    }

    public SourcePos pos(String key) {
        YMap.Entry e = map.entries().get(key);
        return e == null ? map.pos() : e.value().pos();
    }

    public boolean has(String key) {
        return map.entries().containsKey(key);
    }

    public Optional<String> string(String key) {
        return map.get(key).flatMap(n -> scalar(key, n));
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    public Optional<Integer> integer(String key, int min, int max) {
        Optional<String> s = string(key);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            int v = Integer.parseInt(s.get().trim());
            if (v < min || v > max) {
                problems.add(Problem.error(pos(key), key + " in " + where + " is " + v + ", " + outside(min, max), rangeHint(min, max)));
                return Optional.empty();
            }
            return Optional.of(v);
        } catch (NumberFormatException e) {
            problems.add(Problem.error(pos(key), key + " in " + where + " must be a whole number, found '" + s.get() + "'",
                    rangeHint(min, max)));
            return Optional.empty();
        }
    }

    /** "outside 1–65535", or "below 0" when there is no upper bound. */
    public static String outside(int min, int max) {
        return max == Integer.MAX_VALUE ? "below " + min : "outside " + min + "–" + max;
    }

    /** "write a number from 1 to 65535", or simpler words when a bound is open. */
    public static String rangeHint(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return min == Integer.MIN_VALUE ? "write a whole number" : "write a whole number, " + min + " or more";
        }
        return "write a number from " + min + " to " + max;
    }

    public Optional<Boolean> bool(String key) {
        return string(key).flatMap(s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> {
                problems.add(Problem.error(pos(key), key + " in " + where + " must be true or false, found '" + s + "'",
                        "write true or false"));
                yield Optional.empty();
            }
        });
    }

    /** A list of words; a single value is accepted as a one-element list. */
    public List<String> strings(String key) {
        Optional<YNode> node = map.get(key);
        if (node.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (node.get() instanceof YList list) {
            for (YNode item : list.items()) {
                scalar(key, item).ifPresent(out::add);
            }
        } else {
            scalar(key, node.get()).ifPresent(out::add);
        }
        return out;
    }

    public Optional<YMap> mapping(String key) {
        return map.get(key).map(n -> asMap(n, key + " in " + where, problems));
    }

    public Optional<YList> list(String key) {
        Optional<YNode> node = map.get(key);
        if (node.isEmpty() || node.get() instanceof YScalar s && s.value() == null) {
            return Optional.empty();
        }
        if (node.get() instanceof YList l) {
            return Optional.of(l);
        }
        problems.add(Problem.error(node.get().pos(), key + " in " + where + " must be a list ('- item' lines), found " + node.get().kind(),
                "write each item on its own '- ' line"));
        return Optional.empty();
    }

    /** A flat mapping of property names to values (broker or ZooKeeper settings), positions kept. */
    public Map<String, Setting> settings(String key) {
        Map<String, Setting> out = new LinkedHashMap<>();
        mapping(key).ifPresent(m -> m.entries().values().forEach(e -> {
            if (e.value() instanceof YScalar s) {
                out.put(e.key(), new Setting(s.value() == null ? "" : s.value(), e.value().pos()));
            } else if (e.value() instanceof YList l) {
                // comma-separated lists are how Kafka writes list-valued properties
                List<String> parts = new ArrayList<>();
                l.items().forEach(i -> scalar(e.key(), i).ifPresent(parts::add));
                out.put(e.key(), new Setting(String.join(",", parts), e.value().pos()));
            } else {
                problems.add(Problem.error(e.value().pos(), e.key() + " in " + key + " must be a single value",
                        "write it as '" + e.key() + ": value'"));
            }
        }));
        return out;
    }

    private Optional<String> scalar(String key, YNode n) {
        if (n instanceof YScalar s) {
            return Optional.ofNullable(s.value());
        }
        problems.add(Problem.error(n.pos(), key + " in " + where + " must be a single value, found " + n.kind(),
                "write it as '" + key + ": value'"));
        return Optional.empty();
    }
}
