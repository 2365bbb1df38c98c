package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.RunParams;
import dev.kroll.rollout.port.BackendProvider.OpenBackend;
import dev.kroll.util.ExitCode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a playbook against the cluster, one safe step at a time behind health gates.",
            "Built-in playbooks: first-time-setup, ssl-migration, rolling-restart, cert-rotation; "
                    + "a playbooks/NAME.yaml beside the inventory takes precedence (docs/playbooks.md)."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    AcceptOption accept = new AcceptOption();

    @Parameters(index = "0", paramLabel = "PLAYBOOK", description = "A playbook name or a playbook file.")
    String playbook;

    @Option(names = "--dry-run", description = "Show the diff of every file and every restart it would do; change nothing.")
    boolean dryRun;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A playbook parameter, e.g. --param restart-zookeeper=true.")
    Map<String, String> params = new LinkedHashMap<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Inventory inv = accept.apply(inventory.load());
        Rollout offline = Rollout.offline(inv);
        Playbook pb = offline.load(playbook);
        RunParams values = offline.params(pb, params);
        RunSupport.settings(run.poll);
        if (!dryRun) {
            Confirmation.require(run.yes, "kroll run " + pb.name(), pb.steps(), Rollout.changingSteps(pb, values), RunSupport.terminal(), out);
        }
        RunSupport.caPasswordFile(run.caPasswordFile);
        OpenBackend backend = Backends.open(inv);
        try {
            Rollout rollout = RunSupport.online(inv, backend, run.poll);
            if (dryRun) {
                DryRunPrinter.print(pb, rollout.dryRun(pb, values), out);
                return ExitCode.OK;
            }
            return RunSupport.finish(rollout.run(pb, values, new EventPrinter(out)), inventory.file(), spec.commandLine().getErr());
        } finally {
            RunSupport.close(backend);
        }
    }
}
