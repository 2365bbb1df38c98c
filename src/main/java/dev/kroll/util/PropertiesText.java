package dev.kroll.util;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Writes Java properties lines the way {@link java.util.Properties#load(java.io.InputStream)} reads
 * them back (Kafka and ZooKeeper both load their files with it, as ISO-8859-1), without the
 * timestamp and hash order of {@code Properties.store}, so output is deterministic.
 */
public final class PropertiesText {

    private PropertiesText() {
    }

    public static String line(String key, String value) {
        return escape(key, true) + "=" + escape(value, false) + "\n";
    }

    public static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                case '=', ':', '#', '!' -> sb.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Comment lines, each starting with {@code # }. */
    public static String comment(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.isEmpty() ? "#" : "# " + l).append('\n');
        }
        return sb.toString();
    }

    /** Comments, then the entries in the map's order. */
    public static String render(List<String> comments, Map<String, String> entries) {
        StringBuilder sb = new StringBuilder(comment(comments.toArray(String[]::new)));
        entries.forEach((k, v) -> sb.append(line(k, v)));
        return sb.toString();
    }

    /** Reads properties text back, keys in no particular order. */
    public static Map<String, String> parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }
}
