package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.EngineSettings;
import dev.kroll.rollout.port.BackendProvider;
import dev.kroll.tui.Screens;
import dev.kroll.tui.Tui;
import dev.kroll.tui.dashboard.ScheduledSnapshotFeed;
import dev.kroll.tui.dashboard.SnapshotFeed;
import dev.kroll.tui.theme.ThemeChoice;
import dev.kroll.tui.theme.Themes;
import dev.kroll.tui.wizard.EngineWizardBackend;
import dev.kroll.util.KrollException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code kroll tui} shows, wired to kroll's real parts (see docs/tui.md, "What is live"), apart from the
 * terminal: the wizard on the rollout engine over the same backend as {@code kroll run}, the dashboard on the
 * probe. Tests start it on Lanterna's virtual terminal.
 */
public final class TuiSession implements AutoCloseable {

    static final String NO_ENGINE = "the rollout engine is not available";

    private final Tui.Config config;
    private final DashboardProbe probe;

    private TuiSession(Tui.Config config, DashboardProbe probe) {
        this.config = config;
        this.probe = probe;
    }

    /**
     * @param file         the inventory (it may not exist yet: the wizard's first step says so)
     * @param distribution the Kafka release the Distribution step installs, or null
     */
    public static TuiSession open(Path file, String themeSpec, boolean readonly, ClusterProbe.JmxAccess jmx, Path distribution,
                                  Clock clock) {
        Inventory inv = null;
        if (Files.exists(file)) {
            try {
                inv = KrollYaml.load(file);
            } catch (KrollException e) {
                inv = null; // the wizard's first step shows the problems, with file:line, and re-reads after a fix
            }
        }
        Themes.KrollTheme theme = ThemeChoice.choose(themeSpec, inv == null ? null : inv.theme(), System.getenv());
        String cluster = inv == null ? "no inventory" : inv.cluster();
        // the engine on the same backend as 'kroll run' (SSH, AdminClient, probe), opened per preview and per run;
        // the wizard answers the backend's questions (new host keys, the CA passphrase) in modals
        EngineWizardBackend backend = new EngineWizardBackend(file, (i, prompts) -> {
            BackendProvider.OpenBackend b = Backends.open(i, prompts);
            return new EngineWizardBackend.OpenEngine(new Rollout(i, b.backend(), EngineSettings.DEFAULT, Clock.systemUTC()), b);
        }, NO_ENGINE, distribution == null ? Map.of() : Map.of("kafka-distribution", distribution.toString()), clock);
        DashboardProbe probe = inv == null ? null : new DashboardProbe(inv, ClusterProbe.Options.defaults().withJmx(jmx, false));
        String noFeed = inv == null ? "no inventory (see the wizard's first step)" : null;
        SnapshotFeed feed = probe == null ? null : new ScheduledSnapshotFeed(probe, Duration.ofSeconds(2),
                probe.readsJmx() ? null : "JMX not read: --jmx none");
        return new TuiSession(new Tui.Config(theme, readonly, cluster, shell -> Screens.install(shell, backend, feed, noFeed, clock)),
                probe);
    }

    public Tui.Config config() {
        return config;
    }

    @Override
    public void close() {
        if (probe != null) {
            probe.close();
        }
    }
}
