package dev.kroll.util;

import java.util.List;

/**
 * An error meant for the user: its message is one or two lines that say what is wrong and what to do,
 * and it carries the exit code the CLI ends with. Anything else that escapes is a bug or an
 * unexpected operational failure.
 */
public class KrollException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;
    private final List<Problem> problems;

    public KrollException(int exitCode, String message) {
        this(exitCode, message, List.of(), null);
    }

    public KrollException(int exitCode, String message, Throwable cause) {
        this(exitCode, message, List.of(), cause);
    }

    public KrollException(int exitCode, String message, List<Problem> problems, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.problems = List.copyOf(problems);
    }

    public static KrollException badInput(String message) {
        return new KrollException(ExitCode.BAD_INPUT, message);
    }

    public static KrollException badInput(Problem problem) {
        return new KrollException(ExitCode.BAD_INPUT, problem.format(), List.of(problem), null);
    }

    public static KrollException badInput(List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        return new KrollException(ExitCode.BAD_INPUT, errors + " problem" + (errors == 1 ? "" : "s") + " found",
                Problem.sorted(problems), null);
    }

    public static KrollException failure(String message, Throwable cause) {
        return new KrollException(ExitCode.FAILURE, message, cause);
    }

    public static KrollException gateRefused(String message) {
        return new KrollException(ExitCode.GATE_REFUSED, message);
    }

    public int exitCode() {
        return exitCode;
    }

    /** The individual problems, when the error is a list of them (validation). */
    public List<Problem> problems() {
        return problems;
    }
}
