package dev.kroll.rollout.engine;

import dev.kroll.inventory.Host;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.rollout.port.RenderedFile;
import java.util.List;
import java.util.Set;

/**
 * One typed step of a playbook. Each type is its own class (in {@code dev.kroll.rollout.step})
 * holding its parameters; it runs against a {@link StepContext} and describes itself for
 * {@code --dry-run} against a {@link DryRun}.
 */
public interface Step {

    StepHeader header();

    /** The step's parameters in canonical form (for listings and the playbook fingerprint). */
    String describe();

    Set<Effect> effects();

    void run(StepContext ctx) throws InterruptedException;

    /**
     * The planned files this step's action writes on {@code host} (their {@link RenderFingerprint} is
     * journaled, and a resume compares it), or an empty list when the step writes none from the plan.
     */
    default List<RenderedFile> plannedFiles(Host host, ClusterPlan plan) {
        return List.of();
    }

    /** Records what {@link #run} would change (file diffs, restarts) without changing anything. */
    void plan(DryRun dry) throws InterruptedException;
}
