package dev.kroll.cli;

import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTTYTerminal;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.EngineSettings;
import dev.kroll.rollout.port.BackendProvider;
import dev.kroll.tui.Screens;
import dev.kroll.tui.dashboard.ScheduledSnapshotFeed;
import dev.kroll.tui.dashboard.SnapshotFeed;
import dev.kroll.tui.wizard.EngineWizardBackend;
import dev.kroll.tui.Tui;
import dev.kroll.tui.theme.ThemeChoice;
import dev.kroll.tui.theme.Themes;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Starts the TUI on the real terminal with what this build can wire (see docs/tui.md, "What is live"). */
final class TuiLauncher {

    static final Path DEFAULT_INVENTORY = Path.of("cluster.yaml");

    private TuiLauncher() {
    }

    /** True when both standard input and output are a terminal. */
    static boolean interactive() {
        return System.console() != null;
    }

    static final String NO_ENGINE = "the rollout engine is not available";

    static int launch(Path inventoryFile, String themeSpec, boolean readonly, ClusterProbe.JmxAccess jmx, Path distribution)
            throws Exception {
        if (!interactive()) {
            throw new KrollException(ExitCode.BAD_INPUT, "kroll tui needs a terminal, but standard input or output is "
                    + "redirected; use the command-line subcommands instead (kroll --help)");
        }
        Path file = inventoryFile == null ? DEFAULT_INVENTORY : inventoryFile;
        Inventory inv = null;
        if (Files.exists(file)) {
            try {
                inv = KrollYaml.load(file);
            } catch (KrollException e) {
                inv = null; // the wizard's first step shows the problems, with file:line, and re-reads after a fix
            }
        } else if (inventoryFile != null) {
            throw KrollException.badInput(file + " does not exist; import one with 'kroll inventory import' or leave out -i");
        }
        Themes.KrollTheme theme = ThemeChoice.choose(themeSpec, inv == null ? null : inv.theme(), System.getenv());
        String cluster = inv == null ? "no inventory" : inv.cluster();
        Clock clock = Clock.systemDefaultZone();
        // the engine on the same backend as 'kroll run' (SSH, AdminClient, probe), opened per preview and per run
        EngineWizardBackend backend = new EngineWizardBackend(file, (i, hostKeys) -> {
            BackendProvider.OpenBackend b = Backends.open(i, hostKeys);
            return new EngineWizardBackend.OpenEngine(new Rollout(i, b.backend(), EngineSettings.DEFAULT, Clock.systemUTC()), b);
        }, NO_ENGINE, distribution == null ? Map.of() : Map.of("kafka-distribution", distribution.toString()), clock);
        // SSH sessions (services, JMX tunnels) are not wired yet, as for kroll status: those parts stay empty
        ClusterProbe probe = inv == null ? null
                : new ClusterProbe(inv, ClusterProbe.Options.defaults().withJmx(jmx, false), null, null, Clock.systemUTC());
        String noFeed = inv == null ? "no inventory (see the wizard's first step)" : null;
        SnapshotFeed feed = probe == null ? null : new ScheduledSnapshotFeed(probe::refresh, Duration.ofSeconds(2),
                probe.readsJmx() ? null : "JMX not read: " + (jmx == ClusterProbe.JmxAccess.NONE ? "--jmx none"
                        : "no SSH sessions for tunnels in this build; try --jmx direct"));
        Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTTYTerminal.CtrlCBehaviour.TRAP)
                .createTerminal();
        try (Tui tui = Tui.start(terminal, new Tui.Config(theme, readonly, cluster,
                shell -> Screens.install(shell, backend, feed, noFeed, clock)), true)) {
            tui.awaitQuit();
        } finally {
            if (probe != null) {
                probe.close();
            }
        }
        return ExitCode.OK;
    }
}
