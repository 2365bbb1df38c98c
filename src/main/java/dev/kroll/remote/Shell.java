package dev.kroll.remote;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** POSIX shell quoting, so that file names and arguments reach the remote command exactly as given. */
public final class Shell {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private Shell() {
    }

    /** {@code it's} becomes {@code 'it'"'"'s'}; plain words stay as they are. */
    public static String quote(String arg) {
        if (!arg.isEmpty() && SAFE.matcher(arg).matches()) {
            return arg;
        }
        return "'" + arg.replace("'", "'\"'\"'") + "'";
    }

    /** A command line from a program and its arguments, each quoted. */
    public static String join(List<String> argv) {
        return argv.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    public static String join(String... argv) {
        return join(List.of(argv));
    }
}
