package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryValidator;
import dev.kroll.plan.firewall.IptablesRenderer;
import dev.kroll.plan.firewall.NftablesRenderer;
import dev.kroll.plan.firewall.SshSafetyCheck;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "firewall", mixinStandardHelpOptions = true, subcommands = FirewallApplyCommand.class,
        description = {"Show each host's firewall rules for review: ZooKeeper ports only from ensemble members and brokers,",
            "broker ports from brokers and client networks, management ports only from admin hosts.",
            "'kroll firewall apply' applies them (see docs/firewall.md)."})
final class FirewallCommand implements Callable<Integer> {

    enum Format { NFTABLES, IPTABLES }

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--host", paramLabel = "NAME", description = "Only these hosts (repeatable).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--format", defaultValue = "nftables", description = "nftables (default) or iptables.")
    Format format;

    @Option(names = "--jump-host", paramLabel = "IP",
            description = "Check that this address keeps SSH access (port from the inventory); exit 3 if not.")
    String jumpHost;

    @Override
    public Integer call() {
        Inventory inv = inventory.load();
        PrintWriter out = spec.commandLine().getOut();
        List<Problem> problems = new ArrayList<>();
        List<Problem> refusals = new ArrayList<>();
        FirewallPolicies.plan(inv, hosts, problems).forEach((h, policy) -> {
            if (jumpHost != null) {
                SshSafetyCheck.check(policy, jumpHost, h.ssh().port()).ifPresent(refusals::add);
            }
            out.println(format == Format.NFTABLES ? NftablesRenderer.render(policy) : IptablesRenderer.render(policy, false));
        });
        InventoryValidator.throwIfErrors(problems);
        problems.forEach(p -> spec.commandLine().getErr().println(p.format()));
        if (!refusals.isEmpty()) {
            refusals.forEach(p -> spec.commandLine().getErr().println(p.format()));
            throw KrollException.gateRefused("refusing: these rules would lock the jump host out of SSH");
        }
        return ExitCode.OK;
    }
}
