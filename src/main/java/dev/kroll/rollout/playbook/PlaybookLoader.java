package dev.kroll.rollout.playbook;

import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.Playbook.ParamSpec;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.rollout.step.LoadContext;
import dev.kroll.rollout.step.StepType;
import dev.kroll.util.DidYouMean;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import dev.kroll.util.yaml.Fields;
import dev.kroll.util.yaml.YList;
import dev.kroll.util.yaml.YMap;
import dev.kroll.util.yaml.YNode;
import dev.kroll.util.yaml.YScalar;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads playbooks: YAML files of typed steps. Every problem in a playbook (and in what it
 * includes) is reported at once, each with file:line:column and, for a misspelt key or step type,
 * a suggestion.
 */
public final class PlaybookLoader {

    static final Set<String> TOP = Set.of("name", "description", "params", "steps");
    static final Set<String> PARAM = Set.of("default", "description");

    private final PlaybookSources sources;

    public PlaybookLoader(PlaybookSources sources) {
        this.sources = sources;
    }

    /** Loads a playbook by name ({@code ssl-migration}) or path; throws a {@link KrollException} (exit 2) listing every problem. */
    public Playbook load(String nameOrPath) {
        PlaybookSources.Source src = sources.find(nameOrPath, null);
        Load load = new Load();
        List<Step> steps = load.parse(src, List.of());
        if (load.problems.stream().anyMatch(Problem::isError)) {
            throw KrollException.badInput(load.problems);
        }
        return new Playbook(load.name, src.label(), load.description, load.params, steps);
    }

    /** The state of one load, shared by a playbook and what it includes. */
    private final class Load implements LoadContext {
        final List<Problem> problems = new ArrayList<>();
        final Map<String, ParamSpec> params = new LinkedHashMap<>();
        final Deque<String> stack = new ArrayDeque<>();
        String name;
        String description = "";

        List<Step> parse(PlaybookSources.Source src, List<String> outerWhen) {
            stack.push(src.label());
            try {
                YNode root = YamlTrees.parse(src.text(), src.path() != null ? src.path() : Path.of("playbooks", src.name() + ".yaml"));
                Fields top = new Fields(Fields.asMap(root, "the playbook", problems), "the playbook", TOP, problems);
                String own = top.string("name").orElse(src.name());
                if (name == null) {
                    name = own;
                    description = top.string("description", "");
                }
                top.mapping("params").ifPresent(this::params);
                List<Step> steps = new ArrayList<>();
                YList list = top.list("steps").orElse(null);
                if (list == null) {
                    problems.add(Problem.error(top.pos(), "the playbook has no steps", "add 'steps:' with one '- step-type:' item per step"));
                    return steps;
                }
                for (YNode item : list.items()) {
                    steps.addAll(step(item, src, outerWhen));
                }
                return steps;
            } finally {
                stack.pop();
            }
        }

        private void params(YMap m) {
            for (YMap.Entry e : m.entries().values()) {
                if (params.containsKey(e.key())) {
                    continue; // the including playbook's declaration wins
                }
                if (e.value() instanceof YScalar s) {
                    params.put(e.key(), new ParamSpec(e.key(), s.value(), ""));
                } else {
                    Fields f = new Fields(Fields.asMap(e.value(), "parameter " + e.key(), problems), "parameter " + e.key(), PARAM, problems);
                    params.put(e.key(), new ParamSpec(e.key(), f.string("default").orElse(null), f.string("description", "")));
                }
            }
        }

        private List<Step> step(YNode item, PlaybookSources.Source src, List<String> outerWhen) {
            if (!(item instanceof YMap m) || m.entries().isEmpty()) {
                problems.add(Problem.error(item.pos(), "a step must be written '- step-type:' with its fields indented below",
                        "step types: " + String.join(", ", StepTypes.names())));
                return List.of();
            }
            YMap.Entry first = m.entries().values().iterator().next();
            StepType type = StepTypes.byName(first.key()).orElse(null);
            if (type == null) {
                problems.add(Problem.error(first.keyPos(), "unknown step type '" + first.key() + "'",
                        DidYouMean.closest(first.key(), StepTypes.names()).map(s -> "did you mean '" + s + "'?")
                                .orElse("step types: " + String.join(", ", StepTypes.names()))));
                return List.of();
            }
            if (m.entries().size() > 1) {
                List<String> extra = m.entries().keySet().stream().skip(1).toList();
                problems.add(Problem.error(m.entries().get(extra.get(0)).keyPos(),
                        "a step has one type key, found '" + first.key() + "' and '" + String.join("', '", extra) + "'",
                        "indent the fields of '" + first.key() + "' under it (two more spaces), or start a new step with '- '"));
            }
            String where = "step " + type.name();
            Fields f = new Fields(Fields.asMap(first.value(), where, problems), where, type.allKeys(), problems);
            List<String> when = new ArrayList<>(outerWhen);
            for (String w : f.strings("when")) {
                if (!params.containsKey(w)) {
                    problems.add(Problem.error(f.pos("when"), "'when: " + w + "' names no parameter of this playbook",
                            DidYouMean.closest(w, params.keySet()).map(s -> "did you mean '" + s + "'?")
                                    .orElse("declare it under 'params:'")));
                }
                when.add(w);
            }
            StepHeader header = new StepHeader(type.name(), f.string("title", type.name()), first.keyPos(), when, src.label());
            return type.parser().parse(header, f, this);
        }

        @Override
        public List<Problem> problems() {
            return problems;
        }

        @Override
        public List<Step> include(String playbook, SourcePos pos, List<String> when) {
            PlaybookSources.Source src;
            try {
                src = sources.find(playbook, PlaybookSources.Source.parentOf(stack.peek()));
            } catch (KrollException e) {
                problems.add(Problem.error(pos, e.getMessage(), ""));
                return List.of();
            }
            if (stack.contains(src.label())) {
                problems.add(Problem.error(pos, "include cycle: " + src.label() + " includes itself (via " + String.join(" → ", stack) + ")",
                        "remove one of the includes"));
                return List.of();
            }
            return parse(src, when);
        }

        @Override
        public boolean declaresParam(String p) {
            return params.containsKey(p);
        }
    }
}
