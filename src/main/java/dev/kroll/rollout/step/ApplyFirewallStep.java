package dev.kroll.rollout.step;

import dev.kroll.inventory.Host;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.rollout.port.FirewallOps;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.time.Duration;
import java.util.Set;

/**
 * {@code apply-firewall}: applies every host's rendered nftables rules, only where a playbook asks for
 * it. First the SSH safety check on every host (a refusal ends the run with exit 3 before any rule
 * changes), then one host at a time: upload, {@code nft -c}, rollback saved and a dead-man timer armed
 * on the host, one atomic {@code nft -f}, and the timer disarmed only once a new SSH connection works.
 */
public record ApplyFirewallStep(StepHeader header, Duration rollbackAfter, String jumpHost) implements Step {

    static final Duration DEFAULT_ROLLBACK_AFTER = Duration.ofSeconds(60);

    /** {@code jump-host}: the address the hosts see kroll connect from, when NAT changes it (default: their $SSH_CLIENT). */
    public static final StepType TYPE = StepType.single("apply-firewall", Set.of("rollback-after", "jump-host"),
            "apply every host's firewall rules (SSH safety check first; each host rolls back on its own unless a new SSH connection works)",
            (h, f, c) -> new ApplyFirewallStep(h, StepFields.duration(f, "rollback-after", c.problems()).orElse(DEFAULT_ROLLBACK_AFTER),
                    f.string("jump-host").orElse(null)));

    @Override
    public String describe() {
        return "rollback-after=" + StepFields.describe(rollbackAfter) + (jumpHost == null ? "" : " jump-host=" + jumpHost);
    }

    @Override
    public Set<Effect> effects() {
        return Set.of(Effect.OVERWRITES_FILES);
    }

    private static FirewallOps firewall(FirewallOps f) {
        if (f == null) {
            throw KrollException.failure("this backend cannot apply firewall rules", null);
        }
        return f;
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        FirewallOps fw = firewall(ctx.backend().firewall());
        ctx.forEachHost(ctx.inventory().hosts(), "firewall-safety", scope -> {
            fw.safety(scope.host(), jumpHost).ifPresent(p -> {
                throw new KrollException(ExitCode.GATE_REFUSED, p.message() + " — " + p.fix() + "; no rule was changed");
            });
            return ActionResult.unchanged("the jump host keeps its SSH access");
        });
        // one host at a time: each proves a new SSH connection before the next changes
        for (Host h : ctx.inventory().hosts()) {
            ctx.hostAction(h, "apply-firewall", scope -> ActionResult.changed(fw.apply(scope.host(), rollbackAfter)));
        }
    }

    @Override
    public void plan(DryRun dry) {
        FirewallOps fw = dry.backend().firewall();
        for (Host h : dry.inventory().hosts()) {
            dry.note(h, fw == null ? "would apply its firewall rules (this backend cannot)" : "would apply these rules:\n" + fw.rules(h));
        }
    }
}
