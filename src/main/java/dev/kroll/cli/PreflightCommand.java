package dev.kroll.cli;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.remote.HostFacts;
import dev.kroll.remote.HostResult;
import dev.kroll.remote.IdCheck;
import dev.kroll.inventory.PreflightCheck;
import dev.kroll.rollout.preflight.Acceptances;
import dev.kroll.rollout.preflight.Acceptances.Judged;
import dev.kroll.rollout.preflight.Finding;
import dev.kroll.rollout.preflight.PreflightChecks;
import dev.kroll.util.ExitCode;
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
            "Exit 3 when a host has an error nobody accepted (the first-time setup refuses to start), 1 when a host could not be reached."})
final class PreflightCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    FactsOptions facts;

    @Mixin
    AcceptOption accept = new AcceptOption();

    @Override
    public Integer call() throws IOException {
        Inventory inv = accept.apply(inventory.load());
        PrintWriter out = spec.commandLine().getOut();
        List<HostResult<HostFacts>> results = facts.gather(inv, spec.commandLine().getErr());
        List<Judged> findings = new ArrayList<>();
        for (HostFacts f : FactsOptions.gathered(results)) {
            Host h = inv.host(f.host()).orElseThrow();
            List<Finding> found = new ArrayList<>(PreflightChecks.findings(inv, h, f));
            IdCheck.againstPins(h, f).forEach(p -> found.add(new Finding(PreflightCheck.EXISTING_IDS, p)));
            findings.addAll(Acceptances.judge(h, found, inv.accepted()));
        }
        findings.sort(Comparator.comparing((Judged j) -> !j.refuses()).thenComparing(j -> j.finding().problem().severity()));
        findings.forEach(j -> out.println(j.line()));
        if (results.stream().noneMatch(HostResult::failed)) {
            Acceptances.unmatched(inv.accepted(), findings).forEach(a -> out.println(Acceptances.unmatchedWarning(a)));
        }
        long errors = findings.stream().filter(Judged::refuses).count();
        long accepted = findings.stream().filter(Judged::accepted).count();
        long warnings = findings.size() - errors - accepted;
        long failed = results.stream().filter(HostResult::failed).count();
        out.println(FactsOptions.gathered(results).size() + " hosts checked: " + errors + " error" + (errors == 1 ? "" : "s") + ", "
                + warnings + " warning" + (warnings == 1 ? "" : "s") + (accepted > 0 ? ", " + accepted + " accepted" : "")
                + (failed > 0 ? ", " + failed + " unreachable" : ""));
        if (failed > 0) {
            return ExitCode.FAILURE;
        }
        return errors > 0 ? ExitCode.GATE_REFUSED : ExitCode.OK;
    }
}
