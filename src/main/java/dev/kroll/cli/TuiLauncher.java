package dev.kroll.cli;

import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTTYTerminal;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.tui.Tui;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Starts the TUI ({@link TuiSession}) on the real terminal. */
final class TuiLauncher {

    static final Path DEFAULT_INVENTORY = Path.of("cluster.yaml");

    private TuiLauncher() {
    }

    /** True when both standard input and output are a terminal. */
    static boolean interactive() {
        return System.console() != null;
    }

    static int launch(Path inventoryFile, String themeSpec, boolean readonly, ClusterProbe.JmxAccess jmx, Path distribution)
            throws Exception {
        if (!interactive()) {
            throw new KrollException(ExitCode.BAD_INPUT, "kroll tui needs a terminal, but standard input or output is "
                    + "redirected; use the command-line subcommands instead (kroll --help)");
        }
        Path file = inventoryFile == null ? DEFAULT_INVENTORY : inventoryFile;
        if (inventoryFile != null && !Files.exists(file)) {
            throw KrollException.badInput(file + " does not exist; import one with 'kroll inventory import' or leave out -i");
        }
        Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTTYTerminal.CtrlCBehaviour.TRAP)
                .createTerminal();
        try (TuiSession session = TuiSession.open(file, themeSpec, readonly, jmx, distribution, Clock.systemDefaultZone());
             Tui tui = Tui.start(terminal, session.config(), true)) {
            tui.awaitQuit();
        }
        return ExitCode.OK;
    }
}
