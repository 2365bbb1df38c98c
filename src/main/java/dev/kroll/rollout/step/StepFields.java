package dev.kroll.rollout.step;

import dev.kroll.rollout.engine.Durations;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.util.DidYouMean;
import dev.kroll.util.Problem;
import dev.kroll.util.yaml.Fields;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Typed reads of step fields beyond what {@link Fields} offers, with the same kind of errors. */
final class StepFields {

    private StepFields() {
    }

    static Optional<Duration> duration(Fields f, String key, List<Problem> problems) {
        return f.string(key).flatMap(s -> {
            Optional<Duration> d = Durations.parse(s);
            if (d.isEmpty()) {
                problems.add(Problem.error(f.pos(key), key + " must be a duration, found '" + s + "'", "write e.g. 30s, 5m or 1h"));
            }
            return d;
        });
    }

    static ListenerPhase phase(Fields f, String key, ListenerPhase fallback, String step, List<Problem> problems) {
        Optional<String> s = f.string(key);
        if (s.isEmpty()) {
            if (fallback == null) {
                problems.add(Problem.error(f.pos(), step + " needs '" + key + "'", "add '" + key + ": " + String.join("|", phaseKeys()) + "'"));
                return ListenerPhase.PLAINTEXT;
            }
            return fallback;
        }
        return ListenerPhase.parse(s.get()).orElseGet(() -> {
            problems.add(Problem.error(f.pos(key), "unknown listener phase '" + s.get() + "'",
                    DidYouMean.closest(s.get(), phaseKeys()).map(c -> "did you mean '" + c + "'?")
                            .orElse("use one of " + String.join(", ", phaseKeys()))));
            return ListenerPhase.PLAINTEXT;
        });
    }

    static List<String> phaseKeys() {
        return Arrays.stream(ListenerPhase.values()).map(ListenerPhase::key).toList();
    }

    /** One of a few words (e.g. {@code if-changed|always}). */
    static String oneOf(Fields f, String key, List<String> allowed, String fallback, List<Problem> problems) {
        Optional<String> s = f.string(key);
        if (s.isEmpty()) {
            return fallback;
        }
        if (allowed.contains(s.get())) {
            return s.get();
        }
        problems.add(Problem.error(f.pos(key), key + " must be one of " + String.join(", ", allowed) + ", found '" + s.get() + "'",
                DidYouMean.closest(s.get(), allowed).map(c -> "did you mean '" + c + "'?").orElse("")));
        return fallback;
    }

    static String describe(Duration d) {
        return d == null ? "default" : Durations.format(d);
    }
}
