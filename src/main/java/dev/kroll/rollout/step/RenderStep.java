package dev.kroll.rollout.step;

import dev.kroll.inventory.Host;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.rollout.port.RenderedFile;
import java.util.List;
import java.util.Set;

/**
 * {@code render}: writes every host's configuration (for a listener phase) without restarting
 * anything — what a first start, or a later roll, will pick up.
 */
public record RenderStep(StepHeader header, ListenerPhase phase) implements Step {

    public static final StepType TYPE = StepType.single("render", Set.of("phase"),
            "write every host's configuration files (atomically, previous kept as .kroll-prev); restarts nothing",
            (h, f, c) -> new RenderStep(h, StepFields.phase(f, "phase", ListenerPhase.PLAINTEXT, "render", c.problems())));

    @Override
    public String describe() {
        return "phase=" + phase;
    }

    @Override
    public Set<Effect> effects() {
        return Set.of(Effect.OVERWRITES_FILES);
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        ctx.forEachHost(ctx.inventory().hosts(), "render:" + phase, scope -> {
            List<RenderedFile> files = plannedFiles(scope.host(), ctx.backend().plan());
            List<String> changed = new BackedUpFiles(ctx.backend().hosts(), scope).write(files);
            return changed.isEmpty() ? ActionResult.unchanged(files.size() + " files already up to date")
                    : ActionResult.changed(changed.size() + " of " + files.size() + " files written");
        });
    }

    @Override
    public List<RenderedFile> plannedFiles(Host host, ClusterPlan plan) {
        return plan.render(host, phase);
    }

    @Override
    public void plan(DryRun dry) {
        for (Host h : dry.inventory().hosts()) {
            for (RenderedFile f : dry.backend().plan().render(h, phase)) {
                dry.file(h, f);
            }
        }
    }
}
