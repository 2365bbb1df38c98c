package dev.kroll.plan.render;

/**
 * Writes Java properties lines the way {@link java.util.Properties#load(java.io.InputStream)} reads
 * them back (Kafka and ZooKeeper both load their files with it, as ISO-8859-1), without the
 * timestamp and hash order of {@code Properties.store}, so output is deterministic.
 */
final class PropertiesText {

    private PropertiesText() {
    }

    static String line(String key, String value) {
        return escape(key, true) + "=" + escape(value, false) + "\n";
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
    static String comment(String... lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.isEmpty() ? "#" : "# " + l).append('\n');
        }
        return sb.toString();
    }
}
