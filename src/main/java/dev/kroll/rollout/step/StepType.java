package dev.kroll.rollout.step;

import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.util.yaml.Fields;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A step type as it is written in a playbook: its name, the keys it accepts (besides {@code title}
 * and {@code when}), and how to read it. Parsing yields a list because {@code include} expands
 * into the steps of another playbook.
 */
public record StepType(String name, Set<String> keys, String summary, Parser parser) {

    public static final Set<String> COMMON = Set.of("title", "when");

    @FunctionalInterface
    public interface Parser {
        List<Step> parse(StepHeader header, Fields fields, LoadContext ctx);
    }

    public StepType {
        keys = Set.copyOf(keys);
    }

    public Set<String> allKeys() {
        Set<String> all = new TreeSet<>(keys);
        all.addAll(COMMON);
        return all;
    }

    static StepType single(String name, Set<String> keys, String summary, SingleParser p) {
        return new StepType(name, keys, summary, (h, f, c) -> List.of(p.parse(h, f, c)));
    }

    @FunctionalInterface
    interface SingleParser {
        Step parse(StepHeader header, Fields fields, LoadContext ctx);
    }
}
