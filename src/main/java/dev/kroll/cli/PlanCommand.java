package dev.kroll.cli;

import dev.kroll.plan.PlanJson;
import dev.kroll.util.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show each host's IDs, heaps, listeners and log dirs; allocate and record IDs for new hosts.",
            "Problems are printed one per line with file:line (exit 2)."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    PlanOptions options;

    @Option(names = "--json", description = "Print the plan as JSON (format in docs/planning.md).")
    boolean json;

    @Option(names = "--explain", description = "Also show every configuration value and the layer it came from.")
    boolean explain;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PlanRun run = PlanRun.execute(inventory, options, spec.commandLine().getErr());
        if (json) {
            out.print(PlanJson.render(run.plan(), options.phase, run.memory()));
        } else {
            out.print(PlanView.render(run, options.phase, explain));
        }
        return ExitCode.OK;
    }
}
