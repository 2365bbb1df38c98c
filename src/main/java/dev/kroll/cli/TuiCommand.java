package dev.kroll.cli;

import dev.kroll.probe.ClusterProbe;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tui", mixinStandardHelpOptions = true,
        description = {"Open the full-screen UI: the setup wizard and the live dashboard.",
            "Keys: ? lists every key of the screen, : takes commands, q quits. See docs/tui.md."})
public final class TuiCommand implements Callable<Integer> {

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE",
            description = "The kroll inventory (default: cluster.yaml, if it exists).")
    Path inventory;

    @Option(names = "--theme", paramLabel = "NAME",
            description = "dark, light, high-contrast, colorblind or monochrome; NAME+ACCENT (e.g. dark+red) or a .properties file. "
                    + "Default: the inventory's cluster.theme, monochrome when NO_COLOR is set, else dark.")
    String theme;

    @Option(names = "--readonly", description = "Watch only: hide and refuse everything that changes hosts.")
    boolean readonly;

    @Option(names = "--jmx", paramLabel = "MODE", defaultValue = "TUNNEL",
            description = "How the dashboard reaches broker JMX: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ClusterProbe.JmxAccess jmx;

    @Option(names = "--kafka-distribution", paramLabel = "PATH",
            description = "The Kafka release tarball or unpacked directory the wizard's Distribution step installs.")
    Path distribution;

    @Override
    public Integer call() throws Exception {
        return TuiLauncher.launch(inventory, theme, readonly, jmx, distribution);
    }
}
