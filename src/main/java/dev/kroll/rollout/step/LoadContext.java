package dev.kroll.rollout.step;

import dev.kroll.rollout.engine.Step;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.util.List;

/** What a step parser may ask of the playbook loader. */
public interface LoadContext {

    /** Where problems go; the loader reports them all at once. */
    List<Problem> problems();

    /**
     * Loads another playbook's steps (for {@code include}), detecting cycles; {@code when} is added
     * to every one of them.
     */
    List<Step> include(String playbook, SourcePos pos, List<String> when);

    /** Whether the playbook being loaded declares parameter {@code name} (for {@code ${name}} and {@code when}). */
    boolean declaresParam(String name);
}
