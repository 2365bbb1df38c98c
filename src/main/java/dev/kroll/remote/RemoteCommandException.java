package dev.kroll.remote;

import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;

/** A remote command failed, timed out, or could not run; the message is one line naming host and command. */
public final class RemoteCommandException extends KrollException {

    private static final long serialVersionUID = 1L;

    private final transient CommandResult result;

    public RemoteCommandException(String message, CommandResult result) {
        super(ExitCode.FAILURE, message);
        this.result = result;
    }

    public RemoteCommandException(String message, Throwable cause) {
        super(ExitCode.FAILURE, message, cause);
        this.result = null;
    }

    /** The failed command's result, or null when it did not finish. */
    public CommandResult result() {
        return result;
    }
}
