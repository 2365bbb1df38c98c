package dev.kroll.rollout.step;

import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.DryRun;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.RunParams;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.engine.StepHeader;
import dev.kroll.rollout.port.WriteOutcome;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code install}: puts the Kafka distribution (a release tarball or an unpacked distribution
 * directory with the same layout) into every host's {@code kafka_home}.
 *
 * @param source the distribution, possibly naming a parameter: {@code ${kafka-distribution}}
 */
public record InstallStep(StepHeader header, String source) implements Step {

    private static final Pattern PARAM = Pattern.compile("\\$\\{([A-Za-z0-9_-]+)}");

    public static final StepType TYPE = StepType.single("install", Set.of("source"),
            "install the Kafka distribution (tarball or unpacked directory) into every host's kafka_home",
            (h, f, c) -> {
                String src = f.string("source").orElse(null);
                if (src == null) {
                    c.problems().add(Problem.error(f.pos(), "install needs 'source'", "add 'source: ${kafka-distribution}' or a tarball path"));
                    src = "";
                }
                Matcher m = PARAM.matcher(src);
                while (m.find()) {
                    if (!c.declaresParam(m.group(1))) {
                        c.problems().add(Problem.error(f.pos("source"), "parameter '" + m.group(1) + "' is not declared",
                                "declare it under 'params:' at the top of the playbook"));
                    }
                }
                return new InstallStep(h, src);
            });

    @Override
    public String describe() {
        return "source=" + source;
    }

    @Override
    public Set<Effect> effects() {
        return Set.of(Effect.OVERWRITES_FILES);
    }

    String resolved(RunParams params) {
        Matcher m = PARAM.matcher(source);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = params.values().getOrDefault(m.group(1), "");
            if (v.isBlank()) {
                throw KrollException.badInput(header.pos() + ": install needs a Kafka distribution — pass --param " + m.group(1) + "=PATH");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Override
    public void run(StepContext ctx) throws InterruptedException {
        String src = resolved(ctx.params());
        ctx.forEachHost(ctx.inventory().hosts(), "install", scope -> {
            scope.changing();
            WriteOutcome o = ctx.backend().installer().install(scope.host(), src);
            return o == WriteOutcome.CHANGED ? ActionResult.changed("installed " + src) : ActionResult.unchanged("already installed");
        });
    }

    @Override
    public void plan(DryRun dry) {
        String src = resolved(dry.params());
        dry.inventory().hosts().forEach(h -> dry.note(h, "would install " + src + " into " + dry.inventory().pathsFor(h).kafkaHome()
                + " (unless already there)"));
    }
}
