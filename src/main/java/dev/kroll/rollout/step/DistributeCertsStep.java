package dev.kroll.rollout.step;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.rollout.port.WriteOutcome;
import dev.kroll.util.Errors;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** {@code distribute-certs}: uploads every broker's stores and their password files (0600); restarts nothing. */
public record DistributeCertsStep(StepHeader header) implements Step {

    public static final StepType TYPE = StepType.single("distribute-certs", Set.of(),
            "upload every broker's keystores, truststore and password files (0600, atomically); restarts nothing",
            (h, f, c) -> new DistributeCertsStep(h));

    @Override
    public String describe() {
        return "";
    }

    @Override
    public Set<Effect> effects() {
        return Set.of(Effect.OVERWRITES_FILES);
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        ctx.forEachHost(ctx.hosts(Role.KAFKA), "distribute-certs", scope -> {
            List<RenderedFile> stores = ctx.backend().certs().stores(scope.host());
            int changed = 0;
            for (RenderedFile f : stores) {
                if (ctx.backend().hosts().write(scope.host(), f) == WriteOutcome.CHANGED) {
                    scope.changed(f.path());
                    changed++;
                }
            }
            return changed == 0 ? ActionResult.unchanged(stores.size() + " files already there")
                    : ActionResult.changed(changed + " of " + stores.size() + " files uploaded");
        });
    }

    @Override
    public void plan(DryRun dry) {
        for (Host h : dry.hosts(Role.KAFKA)) {
            try {
                for (RenderedFile f : dry.backend().certs().stores(h)) {
                    dry.file(h, f);
                }
            } catch (IOException | RuntimeException e) {
                dry.note(h, "would upload its stores once issued (" + Errors.message(e) + ")");
            }
        }
    }
}
