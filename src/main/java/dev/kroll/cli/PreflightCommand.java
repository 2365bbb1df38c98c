package dev.kroll.cli;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.remote.HostFacts;
import dev.kroll.remote.HostResult;
import dev.kroll.remote.IdCheck;
import dev.kroll.rollout.preflight.PreflightChecks;
import dev.kroll.util.ExitCode;
import dev.kroll.util.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {"Check every host before installing: swap, open-file limit, Java, log-dir disks, ports already taken,",
            "clock offset, name resolution and earlier installs. Each finding says the exact fix.",
            "Exit 3 when a host has an error (the first-time setup refuses to start), 1 when a host could not be reached."})
final class PreflightCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    FactsOptions facts;

    @Override
    public Integer call() throws IOException {
        Inventory inv = inventory.load();
        PrintWriter out = spec.commandLine().getOut();
        List<HostResult<HostFacts>> results = facts.gather(inv, spec.commandLine().getErr());
        List<Problem> findings = new ArrayList<>();
        for (HostFacts f : FactsOptions.gathered(results)) {
            Host h = inv.host(f.host()).orElseThrow();
            findings.addAll(PreflightChecks.check(inv, h, f));
            findings.addAll(IdCheck.againstPins(h, f));
        }
        findings.sort(Comparator.comparing(Problem::severity));
        findings.forEach(p -> out.println(p.format()));
        long errors = findings.stream().filter(Problem::isError).count();
        long failed = results.stream().filter(HostResult::failed).count();
        out.println(FactsOptions.gathered(results).size() + " hosts checked: " + errors + " error" + (errors == 1 ? "" : "s") + ", "
                + (findings.size() - errors) + " warning" + (findings.size() - errors == 1 ? "" : "s")
                + (failed > 0 ? ", " + failed + " unreachable" : ""));
        if (failed > 0) {
            return ExitCode.FAILURE;
        }
        return errors > 0 ? ExitCode.GATE_REFUSED : ExitCode.OK;
    }
}
