package dev.kroll.rollout.step;

import dev.kroll.util.Problem;
import java.util.List;
import java.util.Set;

/**
 * {@code include}: the steps of another playbook, in place. Expanded when the playbook is loaded,
 * so every step has one index in the journal; the include's {@code when} applies to all of them.
 */
public final class Include {

    public static final StepType TYPE = new StepType("include", Set.of("playbook"),
            "run another playbook's steps here (its 'when' applies to all of them)",
            (h, f, c) -> {
                String name = f.string("playbook").orElse(null);
                if (name == null) {
                    c.problems().add(Problem.error(f.pos(), "include needs 'playbook'", "add 'playbook: ssl-migration'"));
                    return List.of();
                }
                return c.include(name, f.pos("playbook"), h.when());
            });

    private Include() {
    }
}
