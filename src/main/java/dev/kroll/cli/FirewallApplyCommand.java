package dev.kroll.cli;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryValidator;
import dev.kroll.plan.HostPaths;
import dev.kroll.plan.firewall.FirewallPolicy;
import dev.kroll.plan.firewall.NftablesRenderer;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshOptions;
import dev.kroll.remote.SshSessions;
import dev.kroll.rollout.engine.Durations;
import dev.kroll.rollout.firewall.FirewallApply;
import dev.kroll.rollout.firewall.FirewallScripts;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply each host's nftables rules, after showing them and asking (--yes skips the question).",
            "Refuses (exit 3, nothing applied) when the rules would drop SSH from the jump host. On each host: upload,",
            "'nft -c' validation, the current kroll table saved and a dead-man timer armed that restores it, one atomic",
            "'nft -f', then a NEW SSH connection; only when that works is the timer disarmed."})
final class FirewallApplyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--host", paramLabel = "NAME", description = "Only these hosts (repeatable).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--jump-host", paramLabel = "IP",
            description = "The address the hosts see kroll connect from (default: each host's $SSH_CLIENT).")
    String jumpHost;

    @Option(names = "--rollback-after", paramLabel = "DURATION", defaultValue = "60s",
            description = "Restore the previous rules unless a new SSH connection works within this long (default: ${DEFAULT-VALUE}).")
    String rollbackAfter;

    @Option(names = "--yes", description = "Apply without asking.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        Inventory inv = inventory.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration after = Durations.parse(rollbackAfter).filter(d -> d.toSeconds() >= 1)
                .orElseThrow(() -> KrollException.badInput("--rollback-after '" + rollbackAfter + "' is not a duration of at least 1s (e.g. 60s, 2m)"));
        List<Problem> problems = new ArrayList<>();
        Map<Host, FirewallPolicy> policies = FirewallPolicies.plan(inv, hosts, problems);
        InventoryValidator.throwIfErrors(problems);
        problems.forEach(p -> err.println(p.format()));
        Map<Host, String> rulesets = new LinkedHashMap<>();
        policies.forEach((h, p) -> rulesets.put(h, NftablesRenderer.render(p)));
        // for review, before anything happens
        rulesets.values().forEach(out::println);
        out.flush();
        try (SshSessions sessions = new SshSessions(SshOptions.defaults(inv.stateDir(), NewHostKeyPolicy.REFUSE))) {
            FirewallApply apply = new FirewallApply(sessions, after);
            List<Problem> refusals = new ArrayList<>();
            policies.forEach((h, p) -> apply.safety(h, p, jumpHost).ifPresent(refusals::add));
            if (!refusals.isEmpty()) {
                refusals.forEach(p -> err.println(p.format()));
                throw KrollException.gateRefused("refusing: these rules would lock the jump host out of SSH; nothing was applied");
            }
            confirm(rulesets.size(), after, out);
            int failed = 0;
            for (Map.Entry<Host, String> e : rulesets.entrySet()) {
                Host h = e.getKey();
                String path = HostPaths.join(inv.pathsFor(h).configDir(), FirewallScripts.FILE);
                try {
                    FirewallApply.Result r = apply.apply(h, path, e.getValue());
                    if (r == FirewallApply.Result.APPLIED) {
                        out.println(h.name() + ": applied " + path + "; a new SSH connection works, rollback disarmed");
                    } else {
                        failed++;
                        err.println("kroll: " + h.name() + ": the rollback timer fired before kroll could disarm it: the previous rules"
                                + " are back — raise --rollback-after and apply again");
                    }
                } catch (KrollException ex) {
                    failed++;
                    err.println("kroll: " + ex.getMessage());
                }
                out.flush();
                err.flush();
            }
            return failed == 0 ? ExitCode.OK : ExitCode.FAILURE;
        }
    }

    private void confirm(int count, Duration after, PrintWriter out) {
        if (!yes) {
            Confirmation.ask("kroll firewall apply would change the firewall of " + count + " host" + (count == 1 ? "" : "s")
                    + " (each rolled back after " + after.toSeconds() + " s unless a new SSH connection works)", RunSupport.terminal(), out);
        }
    }
}
