package dev.kroll.probe;

import java.util.Comparator;
import java.util.List;

/**
 * The overall health of a cluster snapshot and why. Findings are ordered most severe first;
 * findings at level {@link Level#HEALTHY} are notes that do not change the verdict (e.g. a
 * four-letter word missing from the whitelist while the AdminServer could be read instead).
 */
public record HealthVerdict(Level level, List<Finding> findings) {

    public enum Level { HEALTHY, DEGRADED, CRITICAL;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One reason, in plain words. */
    public record Finding(Level level, String text) {
    }

    public HealthVerdict {
        findings = findings.stream().sorted(Comparator.comparing(Finding::level).reversed()).toList();
    }

    /** The verdict of these findings: the most severe level among them. */
    public static HealthVerdict of(List<Finding> findings) {
        Level level = findings.stream().map(Finding::level).max(Comparator.naturalOrder()).orElse(Level.HEALTHY);
        return new HealthVerdict(level, findings);
    }

    public boolean healthy() {
        return level == Level.HEALTHY;
    }

    /** The reasons that make the verdict what it is (notes left out). */
    public List<String> reasons() {
        return findings.stream().filter(f -> f.level() != Level.HEALTHY).map(Finding::text).toList();
    }

    public List<String> notes() {
        return findings.stream().filter(f -> f.level() == Level.HEALTHY).map(Finding::text).toList();
    }

    /** {@code degraded: ZooKeeper zk2 down; quorum kept (2 of 3)} (first reason only). */
    public String headline() {
        List<String> r = reasons();
        return level.word() + (r.isEmpty() ? "" : ": " + r.get(0) + (r.size() > 1 ? " (+" + (r.size() - 1) + " more)" : ""));
    }
}
