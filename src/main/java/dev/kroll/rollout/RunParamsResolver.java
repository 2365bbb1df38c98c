package dev.kroll.rollout;

import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.Playbook.ParamSpec;
import dev.kroll.rollout.engine.RunParams;
import dev.kroll.util.DidYouMean;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges {@code --param name=value} with a playbook's defaults; unknown or missing parameters are bad input (exit 2). */
final class RunParamsResolver {

    private RunParamsResolver() {
    }

    static RunParams resolve(Playbook pb, Map<String, String> given) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (!pb.params().containsKey(e.getKey())) {
                problems.add(Problem.error(SourcePos.NONE, "playbook " + pb.name() + " has no parameter '" + e.getKey() + "'",
                        pb.params().isEmpty() ? "it takes no --param" : DidYouMean.closest(e.getKey(), pb.params().keySet())
                                .map(s -> "did you mean '" + s + "'?").orElse("its parameters: " + String.join(", ", pb.params().keySet()))));
            }
        }
        for (ParamSpec p : pb.params().values()) {
            String v = given.getOrDefault(p.name(), p.defaultValue());
            if (v == null) {
                problems.add(Problem.error(SourcePos.NONE, "playbook " + pb.name() + " needs --param " + p.name() + "=…",
                        p.description().isBlank() ? "" : p.name() + ": " + p.description()));
            } else {
                values.put(p.name(), v);
            }
        }
        if (!problems.isEmpty()) {
            throw KrollException.badInput(problems);
        }
        return new RunParams(values);
    }
}
