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
            RunCommand.class,
            ResumeCommand.class,
        },
        footer = {"", "Exit codes: 0 ok, 1 operation failed, 2 bad input, 3 refused by a safety gate."})
public final class KrollCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        // The TUI issue makes a bare 'kroll' open the full-screen UI; until then show what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}
