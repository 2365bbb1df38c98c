package dev.kroll.tui;

import java.util.List;
import java.util.function.Consumer;

/**
 * A {@code :} command. {@code run} gets the words after the name; it reports through the shell's message
 * line and throws {@link IllegalArgumentException} with a one-line explanation for bad arguments.
 *
 * @param usage e.g. {@code ":run PLAYBOOK"}
 * @param changesHosts hidden and refused under {@code --readonly}
 */
public record Command(String name, String usage, String description, boolean changesHosts, Consumer<List<String>> run) {
}
