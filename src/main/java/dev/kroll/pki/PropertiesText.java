package dev.kroll.pki;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Java properties text with keys in a fixed order and no timestamp (unlike {@link Properties#store}), so
 * an unchanged file is byte-identical. Values are escaped as {@link Properties#load} expects.
 */
final class PropertiesText {

    private PropertiesText() {
    }

    static String render(List<String> comments, Map<String, String> entries) {
        StringBuilder sb = new StringBuilder();
        for (String c : comments) {
            sb.append(c.isEmpty() ? "#" : "# " + c).append('\n');
        }
        entries.forEach((k, v) -> sb.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return sb.toString();
    }

    static Map<String, String> parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                case '=', ':', '#', '!' -> sb.append(key || i == 0 ? "\\" + c : String.valueOf(c));
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
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
}
