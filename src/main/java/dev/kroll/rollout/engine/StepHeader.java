package dev.kroll.rollout.engine;

import dev.kroll.util.SourcePos;
import java.util.ArrayList;
import java.util.List;

/**
 * What every step has, whatever its type.
 *
 * @param title  what the operator reads ("Roll 1/3: add the SSL listener"); defaults to the type
 * @param when   parameters that must all be true for the step to run (an include adds its own)
 * @param origin the playbook file the step was written in
 */
public record StepHeader(String type, String title, SourcePos pos, List<String> when, String origin) {

    public StepHeader {
        when = List.copyOf(when);
    }

    public StepHeader withWhen(List<String> outer, String newOrigin) {
        List<String> all = new ArrayList<>(outer);
        all.addAll(when);
        return new StepHeader(type, title, pos, all, origin == null ? newOrigin : origin);
    }
}
