package dev.kroll.rollout.gate;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Turns partition lists into the short plain-words reasons gates give. */
final class Reasons {

    private static final int NAMED = 3;

    private Reasons() {
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** {@code orders-0, orders-1, orders-2 and 4 more}. */
    static String names(List<PartitionState> ps) {
        String shown = ps.stream().limit(NAMED).map(PartitionState::name).collect(Collectors.joining(", "));
        return ps.size() > NAMED ? shown + " and " + (ps.size() - NAMED) + " more" : shown;
    }

    /** {@code on topic orders} or {@code on topics orders (4), payments (2)}. */
    static String topics(List<PartitionState> ps) {
        Map<String, Integer> count = new LinkedHashMap<>();
        ps.forEach(p -> count.merge(p.topic(), 1, Integer::sum));
        if (count.size() == 1) {
            return "on topic " + count.keySet().iterator().next();
        }
        return "on topics " + count.entrySet().stream().limit(NAMED + 1L)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))
                + (count.size() > NAMED + 1 ? " and " + (count.size() - NAMED - 1) + " more" : "");
    }

    /** {@code 4 under-replicated partitions on topic orders, broker 2 not yet in ISR}. */
    static String underReplicated(List<PartitionState> urp) {
        TreeSet<Integer> missing = new TreeSet<>();
        urp.forEach(p -> missing.addAll(p.outOfSync()));
        return plural(urp.size(), "under-replicated partition") + " " + topics(urp) + ", "
                + brokers(missing) + " not yet in ISR";
    }

    static String brokers(Collection<Integer> ids) {
        List<String> s = ids.stream().map(String::valueOf).toList();
        return (s.size() == 1 ? "broker " : "brokers ") + String.join(", ", s);
    }
}
