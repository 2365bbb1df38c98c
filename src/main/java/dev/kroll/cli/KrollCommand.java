package dev.kroll.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "kroll", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Roll out, secure and watch an Apache Kafka + ZooKeeper cluster from a jump host.",
        subcommands = {
            InventoryCommand.class,
            DemoCommand.class,
            FactsCommand.class,
            PreflightCommand.class,
            PlanCommand.class,
            RenderCommand.class,
            FirewallCommand.class,
            StatusCommand.class,
            CertsCommand.class,
            RunCommand.class,
            ResumeCommand.class,
            TuiCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 1 operation failed, 2 bad input, 3 refused by a safety gate."})
public final class KrollCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    GlobalOptions global;

    @Override
    public Integer call() throws Exception {
        // a bare 'kroll' opens the full-screen UI; without a terminal there is nothing to draw on
        if (TuiLauncher.interactive()) {
            return TuiLauncher.launch(null, null, false, dev.kroll.probe.ClusterProbe.JmxAccess.TUNNEL, null);
        }
        spec.commandLine().getOut().println("kroll: standard input or output is not a terminal, so the full-screen UI "
                + "is not started; the commands are:");
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
