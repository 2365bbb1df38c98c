package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.RunParams;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.journal.ActionStatus;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.port.BackendProvider.OpenBackend;
import dev.kroll.util.ExitCode;
import dev.kroll.util.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue an interrupted or failed run from its journal, without repeating completed host actions.")
final class ResumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    RunOptions run = new RunOptions();

    @Mixin
    AcceptOption accept = new AcceptOption();

    @Option(names = "--run", paramLabel = "ID", description = "The run to continue (default: the latest).")
    String runId;

    @Option(names = "--list", description = "List the journaled runs and exit.")
    boolean list;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Inventory inv = accept.apply(inventory.load());
        Rollout offline = Rollout.offline(inv);
        if (list) {
            TextTable t = new TextTable("RUN", "PLAYBOOK", "STATUS", "ATTEMPTS", "HOST ACTIONS DONE", "UPDATED");
            for (RunRecord r : offline.journals().list()) {
                t.row(r.runId(), r.playbook(), r.status().name().toLowerCase(Locale.ROOT), r.attempts(),
                        r.actions().stream().filter(a -> a.status() == ActionStatus.DONE).count(), r.updatedAt());
            }
            out.print(t.render());
            return ExitCode.OK;
        }
        RunRecord record = offline.resumable(Optional.ofNullable(runId));
        Playbook pb = offline.playbookOf(record);
        List<Step> remaining = new ArrayList<>();
        for (int i = 0; i < pb.steps().size(); i++) {
            if (!record.stepsDone().contains(i)) {
                remaining.add(pb.steps().get(i));
            }
        }
        RunParams params = new RunParams(record.params());
        List<Step> changing = Rollout.changingSteps(pb, params).stream().filter(remaining::contains).toList();
        out.println("resuming run " + record.runId() + " (" + pb.name() + ", " + record.status().name().toLowerCase(Locale.ROOT)
                + "): " + record.stepsDone().size() + " of " + pb.steps().size() + " steps and "
                + record.actions().stream().filter(a -> a.status() == ActionStatus.DONE).count() + " host actions already done");
        Confirmation.require(run.yes, "kroll resume", pb.steps(), changing, RunSupport.terminal(), out);
        RunSupport.caPasswordFile(run.caPasswordFile);
        OpenBackend backend = Backends.open(inv);
        try {
            Rollout rollout = RunSupport.online(inv, backend, run.poll);
            return RunSupport.finish(rollout.resume(record, new EventPrinter(out)), inventory.file(), spec.commandLine().getErr());
        } finally {
            RunSupport.close(backend);
        }
    }
}
