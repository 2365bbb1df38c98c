package dev.kroll.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What {@code kroll run} and {@code kroll resume} both accept. */
final class RunOptions {

    @Option(names = "--yes", description = "Do not ask before overwriting files or restarting services (needed when stdin is not a terminal).")
    boolean yes;

    @Option(names = "--ca-password-file", paramLabel = "FILE",
            description = "File whose first line is the CA passphrase (for issuing certificates); without it KROLL_CA_PASSWORD, else a prompt.")
    Path caPasswordFile;

    @Option(names = "--poll", hidden = true, description = "How often gates re-read the cluster (default 2s).")
    String poll;
}
