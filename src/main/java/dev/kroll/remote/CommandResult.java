package dev.kroll.remote;

/**
 * What a remote command did. Output is captured up to a size limit; {@code truncated} says more was discarded.
 *
 * @param exitStatus the command's exit status, or -1 when it ended by a signal or the status was lost
 */
public record CommandResult(String command, int exitStatus, String stdout, String stderr, boolean truncated) {

    public boolean ok() {
        return exitStatus == 0;
    }

    /** The first non-blank line of stderr (else stdout), for one-line error reports. */
    public String firstErrorLine() {
        for (String text : new String[] {stderr, stdout}) {
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    return line.strip();
                }
            }
        }
        return "(no output)";
    }
}
