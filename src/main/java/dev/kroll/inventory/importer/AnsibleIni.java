package dev.kroll.inventory.importer;

import dev.kroll.util.DidYouMean;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Ansible's INI inventory format the way Ansible's ini plugin does: hosts before any section
 * belong to {@code ungrouped}; {@code [g]} lists hosts with inline {@code key=value} vars,
 * {@code [g:vars]} sets group vars, {@code [g:children]} nests groups; {@code #} and {@code ;} start
 * comment lines. Problems name file:line:column.
 */
final class AnsibleIni {

    private static final Pattern SECTION = Pattern.compile("^\\[([^:\\]\\s]+)(?::(\\w+))?\\]\\s*(?:[#;].*)?$");

    private enum Kind { HOSTS, VARS, CHILDREN }

    /** A word of a host line with the column it starts at. */
    record Token(String text, int column) {
    }

    private AnsibleIni() {
    }

    static AnsibleInventory parse(String text, Path file, List<Problem> problems) {
        AnsibleInventory inv = new AnsibleInventory(SourcePos.of(file, 1, 1));
        String[] lines = text.split("\r?\n", -1);
        AnsibleInventory.Group group = null;
        boolean inSection = false;
        Kind kind = Kind.HOSTS;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String raw = lines[i];
            String line = raw.strip();
            int indent = raw.indexOf(line.isEmpty() ? " " : line.substring(0, 1)) + 1;
            SourcePos at = SourcePos.of(file, lineNo, Math.max(indent, 1));
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                inSection = true;
                Matcher m = SECTION.matcher(line);
                if (!m.matches()) {
                    problems.add(Problem.error(at, "invalid section header '" + line + "'",
                            "write [group], [group:vars] or [group:children]"));
                    group = null;
                    continue;
                }
                String suffix = m.group(2);
                if (suffix != null && !List.of("vars", "children").contains(suffix)) {
                    problems.add(Problem.error(at, "section [" + m.group(1) + ":" + suffix + "] has an unknown type '" + suffix + "'",
                            DidYouMean.closest(suffix, List.of("vars", "children"))
                                    .map(s -> "did you mean '" + s + "'?").orElse("use :vars or :children")));
                    group = null;
                    continue;
                }
                kind = suffix == null ? Kind.HOSTS : suffix.equals("vars") ? Kind.VARS : Kind.CHILDREN;
                group = inv.group(m.group(1), at);
                if (kind != Kind.VARS) {
                    group.defined = true;
                    group.pos = group.pos == null ? at : group.pos;
                }
                continue;
            }
            if (!inSection && group == null) {
                group = inv.group("ungrouped", at); // hosts above the first section, as in Ansible
                group.defined = true;
            }
            if (group == null) {
                continue; // lines of a section whose header was reported
            }
            switch (kind) {
                case HOSTS -> hostLine(inv, group, raw, file, lineNo, problems);
                case VARS -> varLine(group, raw, line, at, problems);
                case CHILDREN -> {
                    String child = stripComment(line).strip();
                    if (!child.matches("[^\\s:\\[\\]]+")) {
                        problems.add(Problem.error(at, "'" + line + "' is not a group name", "list one child group per line"));
                    } else {
                        group.children.put(child, at);
                        inv.group(child, at);
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        return inv;
    }

    private static void hostLine(AnsibleInventory inv, AnsibleInventory.Group group, String raw, Path file, int lineNo,
                                 List<Problem> problems) {
        List<Token> tokens;
        try {
            tokens = split(raw);
        } catch (UnclosedQuote e) {
            problems.add(Problem.error(SourcePos.of(file, lineNo, e.column), "this quote is never closed",
                    "close the quote, or escape it with a backslash"));
            return;
        }
        if (tokens.isEmpty()) {
            return;
        }
        Token first = tokens.get(0);
        SourcePos at = SourcePos.of(file, lineNo, first.column());
        String pattern = first.text();
        String port = null;
        // host:port, but not an IPv6 address; colons inside [1:3] ranges are not ports
        String outside = pattern.replaceAll("\\[[^\\]]*\\]", "");
        if (outside.chars().filter(c -> c == ':').count() == 1 && outside.matches(".*:\\d+")) {
            port = pattern.substring(pattern.lastIndexOf(':') + 1);
            pattern = pattern.substring(0, pattern.lastIndexOf(':'));
        }
        List<String> names;
        try {
            names = AnsibleHostPattern.expand(pattern);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(at, e.getMessage(), "write a range as [1:3], [01:10] or [a:c]"));
            return;
        }
        for (String name : names) {
            AnsibleInventory.HostVars host = inv.host(name, at);
            group.hosts.add(name);
            if (port != null) {
                host.vars.put("ansible_port", new AnsibleInventory.Var(port, at, "host " + first.text()));
            }
            for (Token t : tokens.subList(1, tokens.size())) {
                SourcePos vat = SourcePos.of(file, lineNo, t.column());
                int eq = t.text().indexOf('=');
                if (eq <= 0) {
                    problems.add(Problem.error(vat, "expected key=value after the host name, found '" + t.text() + "'",
                            "write host variables as key=value (quote values with spaces)"));
                    return;
                }
                host.vars.put(t.text().substring(0, eq), new AnsibleInventory.Var(t.text().substring(eq + 1), vat, "host " + pattern));
            }
        }
    }

    private static void varLine(AnsibleInventory.Group group, String raw, String line, SourcePos at, List<Problem> problems) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            problems.add(Problem.error(at, "expected key=value in [" + group.name + ":vars], found '" + line + "'",
                    "write one variable per line as key=value"));
            return;
        }
        String key = line.substring(0, eq).strip();
        String value = stripComment(line.substring(eq + 1)).strip();
        if (value.length() >= 2 && (value.startsWith("'") && value.endsWith("'") || value.startsWith("\"") && value.endsWith("\""))) {
            value = value.substring(1, value.length() - 1);
        }
        int col = raw.indexOf(line.substring(eq + 1).strip());
        SourcePos vat = new SourcePos(at.file(), at.line(), col >= 0 ? col + 1 : at.column());
        group.vars.put(key, new AnsibleInventory.Var(value, vat, "group " + group.name));
    }

    /** Drops a trailing {@code # comment} that is outside quotes and follows whitespace. */
    private static String stripComment(String s) {
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** Splits a host line like a POSIX shell (as Ansible does with shlex): quotes group, {@code #} starts a comment. */
    static List<Token> split(String line) {
        List<Token> out = new ArrayList<>();
        StringBuilder word = null;
        int start = 0;
        char quote = 0;
        int quoteAt = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    out.add(new Token(word.toString(), start + 1));
                    word = null;
                }
                continue;
            }
            if (c == '#') {
                break;
            }
            if (word == null) {
                word = new StringBuilder();
                start = i;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                quoteAt = i;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
            } else {
                word.append(c);
            }
        }
        if (quote != 0) {
            throw new UnclosedQuote(quoteAt + 1);
        }
        if (word != null) {
            out.add(new Token(word.toString(), start + 1));
        }
        return out;
    }

    static final class UnclosedQuote extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int column;

        UnclosedQuote(int column) {
            super("unclosed quote at column " + column);
            this.column = column;
        }
    }
}
