package dev.kroll.util;

/** kroll's exit codes; scripts depend on them, so they never change meaning. */
public final class ExitCode {
    public static final int OK = 0;
    /** Something failed while doing the work (network, remote command, ...). */
    public static final int FAILURE = 1;
    /** The input (command line, inventory, files) is wrong; nothing was changed. */
    public static final int BAD_INPUT = 2;
    /** A safety gate refused; the cluster is not in a state where the action is safe. */
    public static final int GATE_REFUSED = 3;

    private ExitCode() {
    }
}
