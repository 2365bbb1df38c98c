package dev.kroll.inventory.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands Ansible host ranges: {@code kafka[1:3].example.com}, {@code node[01:10]} (zero-padded),
 * {@code web[a:c]}, {@code host[0:10:2]} (with a stride); several ranges multiply out.
 */
final class AnsibleHostPattern {

    private static final Pattern RANGE = Pattern.compile("\\[([^\\]]*)\\]");

    private AnsibleHostPattern() {
    }

    /** The host names a pattern stands for; throws IllegalArgumentException with a message for the user. */
    static List<String> expand(String pattern) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            if (pattern.indexOf('[') >= 0 || pattern.indexOf(']') >= 0) {
                throw new IllegalArgumentException("unbalanced '[' or ']' in host pattern '" + pattern + "'");
            }
            return List.of(pattern);
        }
        String head = pattern.substring(0, m.start());
        String tail = pattern.substring(m.end());
        if (head.indexOf('[') >= 0 || head.indexOf(']') >= 0) {
            throw new IllegalArgumentException("unbalanced '[' or ']' in host pattern '" + pattern + "'");
        }
        List<String> out = new ArrayList<>();
        List<String> rest = expand(tail);
        for (String item : range(m.group(1), pattern)) {
            for (String r : rest) {
                out.add(head + item + r);
            }
        }
        return out;
    }

    private static List<String> range(String spec, String pattern) {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("range [" + spec + "] in '" + pattern + "' must be [start:end] or [start:end:step]");
        }
        String beg = parts[0].isEmpty() ? "0" : parts[0];
        String end = parts[1];
        int step;
        try {
            step = parts.length == 3 ? Integer.parseInt(parts[2]) : 1;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the step of range [" + spec + "] in '" + pattern + "' is not a number");
        }
        if (step <= 0) {
            throw new IllegalArgumentException("the step of range [" + spec + "] in '" + pattern + "' must be positive");
        }
        List<String> out = new ArrayList<>();
        if (beg.matches("\\d+") && end.matches("\\d+")) {
            int b = Integer.parseInt(beg);
            int e = Integer.parseInt(end);
            if (e < b) {
                throw new IllegalArgumentException("range [" + spec + "] in '" + pattern + "' ends before it starts");
            }
            // Ansible pads to the width of the start when it has a leading zero: [01:10] -> 01 ... 10
            String format = beg.length() > 1 && beg.charAt(0) == '0' ? "%0" + beg.length() + "d" : "%d";
            for (int i = b; i <= e; i += step) {
                out.add(String.format(format, i));
            }
        } else if (beg.matches("[a-z]") && end.matches("[a-z]") || beg.matches("[A-Z]") && end.matches("[A-Z]")) {
            if (end.charAt(0) < beg.charAt(0)) {
                throw new IllegalArgumentException("range [" + spec + "] in '" + pattern + "' ends before it starts");
            }
            for (char c = beg.charAt(0); c <= end.charAt(0); c += (char) step) {
                out.add(String.valueOf(c));
            }
        } else {
            throw new IllegalArgumentException("range [" + spec + "] in '" + pattern + "' must be numbers (1:3) or single letters (a:c)");
        }
        return out;
    }
}
