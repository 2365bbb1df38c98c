package dev.kroll.rollout.preflight;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.PreflightAcceptance;
import dev.kroll.util.Problem;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Preflight findings judged against the operator's explicit acceptances. Pure. An accepted finding
 * is kept (shown and journalled as accepted, with the reason); it only stops refusing the run.
 */
public final class Acceptances {

    private Acceptances() {
    }

    /** A finding and the acceptance that covers it, if any. */
    public record Judged(Finding finding, PreflightAcceptance acceptedBy) {

        public boolean accepted() {
            return acceptedBy != null;
        }

        /** An error nobody accepted: the run must not go on. */
        public boolean refuses() {
            return acceptedBy == null && finding.isError();
        }

        /** {@code accepted [nofile] error: ... — fix; reason: ...}, or the plain finding. */
        public String line() {
            Problem p = finding.problem();
            String text = p.severity().label() + ": " + p.message() + (p.fix() == null || p.fix().isBlank() ? "" : " — " + p.fix());
            return accepted() ? "accepted [" + finding.check().id() + "] " + text + "; accepted because: " + acceptedBy.reason() : text;
        }
    }

    public static List<Judged> judge(Host host, List<Finding> findings, List<PreflightAcceptance> accepted) {
        return findings.stream().map(f -> new Judged(f, coveredBy(host, f, accepted).orElse(null))).toList();
    }

    /** Acceptances that covered none of {@code judged} (judged on the hosts they name): worth a warning. */
    public static List<PreflightAcceptance> unmatched(List<PreflightAcceptance> accepted, Collection<Judged> judged) {
        return accepted.stream().filter(a -> judged.stream().noneMatch(j -> j.acceptedBy() == a)).toList();
    }

    /** What the journal keeps for the host: "fit", or "fit, 1 warning, accepted: nofile (reason)". */
    public static String summary(List<Judged> judged) {
        long warnings = judged.stream().filter(j -> !j.accepted()).count();
        List<String> acc = judged.stream().filter(Judged::accepted)
                .map(j -> j.finding().check().id() + " (" + j.acceptedBy().reason() + ")").distinct().toList();
        StringBuilder sb = new StringBuilder("fit");
        if (warnings > 0) {
            sb.append(", ").append(warnings).append(" warning").append(warnings == 1 ? "" : "s");
        }
        if (!acc.isEmpty()) {
            sb.append(", accepted: ").append(String.join("; ", acc));
        }
        return sb.toString();
    }

    public static String unmatchedWarning(PreflightAcceptance a) {
        return "warning: accepted preflight check '" + a.label() + "' matched no finding — remove the acceptance if the cause is gone";
    }

    private static Optional<PreflightAcceptance> coveredBy(Host host, Finding f, List<PreflightAcceptance> accepted) {
        return accepted.stream().filter(a -> a.covers(f.check(), host.name())).findFirst();
    }
}
