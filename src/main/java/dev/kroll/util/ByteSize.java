package dev.kroll.util;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as operators write them: {@code 32g}, {@code 512m}, {@code 16GiB}, {@code 1073741824}. */
public record ByteSize(long bytes) implements Comparable<ByteSize> {

    public static final long KIB = 1024L;
    public static final long MIB = KIB * 1024;
    public static final long GIB = MIB * 1024;

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(?:i?b)?", Pattern.CASE_INSENSITIVE);

    public static ByteSize parse(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (write e.g. 32g, 512m or 16GiB)");
        }
        double n = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> KIB;
            case "m" -> MIB;
            case "g" -> GIB;
            case "t" -> GIB * 1024;
            default -> 1;
        };
        return new ByteSize(Math.round(n * unit));
    }

    public static ByteSize ofMiB(long mib) {
        return new ByteSize(mib * MIB);
    }

    public static ByteSize ofGiB(long gib) {
        return new ByteSize(gib * GIB);
    }

    public long mib() {
        return bytes / MIB;
    }

    /** The JVM's notation, e.g. {@code 6g} or {@code 768m}. */
    public String jvm() {
        return bytes % GIB == 0 ? bytes / GIB + "g" : bytes / MIB + "m";
    }

    /** Human notation, e.g. {@code 32 GiB} or {@code 768 MiB}. */
    public String human() {
        if (bytes >= GIB) {
            double g = (double) bytes / GIB;
            return (g == Math.rint(g) ? String.valueOf((long) g) : String.format(Locale.ROOT, "%.1f", g)) + " GiB";
        }
        return bytes / MIB + " MiB";
    }

    @Override
    public int compareTo(ByteSize o) {
        return Long.compare(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return human();
    }
}
