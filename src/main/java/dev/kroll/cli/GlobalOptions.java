package dev.kroll.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts. */
public final class GlobalOptions {

    /** Read by {@link Main} from the raw arguments (before parsing can fail); declared here so help lists it. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;
}
