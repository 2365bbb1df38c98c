package dev.kroll.cli;

import dev.kroll.util.Errors;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.io.PrintWriter;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point. {@link #execute} is what tests call: it returns the exit code instead of exiting. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        routeJavaUtilLogging();
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            err.println("kroll: " + ex.getMessage());
            err.println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex, err, debug));
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The terminal belongs to the TUI and to command output: java.util.logging goes to kroll's log file too. */
    private static synchronized void routeJavaUtilLogging() {
        if (!org.slf4j.bridge.SLF4JBridgeHandler.isInstalled()) {
            org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
            org.slf4j.bridge.SLF4JBridgeHandler.install();
        }
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new KrollCommand());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** One or two lines for the user; the full chain only with --debug (and always in the log file). */
    static int report(Exception ex, PrintWriter err, boolean debug) {
        LOG.error("command failed", ex);
        if (ex instanceof KrollException k) {
            for (Problem p : k.problems()) {
                err.println(p.format());
            }
            if (k.problems().isEmpty() || k.problems().stream().noneMatch(Problem::isError)) {
                err.println("kroll: " + k.getMessage());
            }
            if (debug && k.getCause() != null) {
                err.print(Errors.trace(k));
            }
            return k.exitCode();
        }
        err.println("kroll: " + Errors.message(ex));
        if (debug) {
            err.print(Errors.trace(ex));
        } else {
            err.println("(an unexpected error; run again with --debug for details)");
        }
        return ExitCode.FAILURE;
    }
}
