package dev.kroll.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the kroll command line, as a user would see it. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(exit, out.toString(), err.toString());
    }
}
