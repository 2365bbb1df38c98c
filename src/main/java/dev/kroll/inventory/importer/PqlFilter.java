package dev.kroll.inventory.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the fact filter operators write ({@code role='kafka'}, as the original Puppet setup selected
 * its brokers) into a filter of PuppetDB's {@code inventory} entity, where facts are addressed as
 * {@code facts.role}. Only field names directly compared at the top level are prefixed; names that
 * already say where they live ({@code facts.}, {@code trusted.}, {@code certname}, ...) and anything
 * inside a subquery's braces are left as written.
 */
final class PqlFilter {

    private static final Set<String> INVENTORY_FIELDS = Set.of("certname", "environment", "timestamp", "facts", "trusted");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "null", "true", "false");
    private static final Set<String> PAGING = Set.of("limit", "offset", "order", "group");
    private static final List<String> OPERATORS = List.of("!=", "!~", "<=", ">=", "~>", "=", "~", "<", ">", "!", "(", ")", "[", "]",
            "{", "}", ",");

    private record Token(String text, boolean word, int start) {
    }

    private PqlFilter() {
    }

    /** The filter for {@code inventory { ... }}; throws IllegalArgumentException with a message for the user. */
    static String toInventoryFilter(String filter) {
        if (filter == null || filter.isBlank()) {
            throw new IllegalArgumentException("the fact filter is empty");
        }
        List<Token> tokens = tokens(filter);
        StringBuilder out = new StringBuilder(filter.strip().length() + 16);
        int copied = 0;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String text = t.text();
            if (!t.word()) {
                if (text.equals("{") || text.equals("[")) {
                    depth++;
                } else if (text.equals("}") || text.equals("]")) {
                    depth--;
                    if (depth < 0) {
                        throw new IllegalArgumentException("'" + text + "' without its opening bracket");
                    }
                }
            } else if (depth == 0) {
                String lower = text.toLowerCase(Locale.ROOT);
                if (PAGING.contains(lower)) {
                    throw new IllegalArgumentException("'" + text + "' does not belong in the fact filter; kroll orders and pages the results itself");
                }
                if (isField(text) && i + 1 < tokens.size() && isComparison(tokens.get(i + 1))) {
                    // the operator's own text stays as written; only the prefix is inserted
                    out.append(filter, copied, t.start()).append("facts.");
                    copied = t.start();
                }
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("an opening bracket is never closed");
        }
        return out.append(filter.substring(copied)).toString().strip();
    }

    private static boolean isField(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        if (KEYWORDS.contains(lower) || w.startsWith("'") || w.startsWith("\"") || Character.isDigit(w.charAt(0)) || w.charAt(0) == '-') {
            return false;
        }
        String first = w.contains(".") ? w.substring(0, w.indexOf('.')) : w;
        return !INVENTORY_FIELDS.contains(first);
    }

    private static boolean isComparison(Token t) {
        if (t.word()) {
            return t.text().equalsIgnoreCase("in") || t.text().equalsIgnoreCase("is");
        }
        return Set.of("=", "!=", "~", "!~", "<", "<=", ">", ">=", "~>").contains(t.text());
    }

    private static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    j += c == '"' && s.charAt(j) == '\\' ? 2 : 1;
                }
                if (j >= s.length()) {
                    throw new IllegalArgumentException("the quote at position " + (i + 1) + " is never closed");
                }
                out.add(new Token(s.substring(i, j + 1), true, i));
                i = j + 1;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.') {
                int j = i;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || "_-.".indexOf(s.charAt(j)) >= 0)) {
                    j++;
                }
                out.add(new Token(s.substring(i, j), true, i));
                i = j;
            } else {
                String op = null;
                for (String o : OPERATORS) {
                    if (s.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                if (op == null) {
                    throw new IllegalArgumentException("unexpected '" + c + "' at position " + (i + 1));
                }
                out.add(new Token(op, false, i));
                i += op.length();
            }
        }
        return out;
    }
}
