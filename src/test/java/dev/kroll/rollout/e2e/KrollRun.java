package dev.kroll.rollout.e2e;

import dev.kroll.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the kroll command line in this JVM: exit code, stdout, stderr. */
record KrollRun(int code, String out, String err) {

    static KrollRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new KrollRun(code, out.toString(), err.toString());
    }
}
