package dev.kroll.probe;

import dev.kroll.probe.HealthVerdict.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a snapshot the way an operator would. Pure: the same snapshot always gives the same
 * verdict, so the rollout gates, the dashboard and {@code kroll status} agree.
 */
public final class HealthRules {

    private HealthRules() {
    }

    public static HealthVerdict judge(ClusterSnapshot s) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(ZooKeeperHealth.findings(s.zookeeper()));
        findings.addAll(KafkaHealth.findings(s.kafka()));
        findings.addAll(HostHealth.findings(s));
        return HealthVerdict.of(findings);
    }

    /** {@code a}, {@code a and b}, {@code a, b and c}. */
    static String and(List<String> words) {
        if (words.size() <= 1) {
            return words.isEmpty() ? "" : words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    /** Up to {@code max} items, then {@code … (+n more)}. */
    static String firstFew(List<String> items, int max) {
        if (items.size() <= max) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, max)) + " … (+" + (items.size() - max) + " more)";
    }

    static String plural(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
