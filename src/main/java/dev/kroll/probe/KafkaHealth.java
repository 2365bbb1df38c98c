package dev.kroll.probe;

import dev.kroll.probe.HealthVerdict.Finding;
import dev.kroll.probe.HealthVerdict.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Health findings about the brokers and partitions. */
final class KafkaHealth {

    /** A log-dir volume fuller than this is degraded; fuller than {@link #DISK_CRITICAL}, critical. */
    static final double DISK_DEGRADED = 0.85;
    static final double DISK_CRITICAL = 0.95;
    private static final int NAMES_SHOWN = 5;

    private KafkaHealth() {
    }

    static List<Finding> findings(KafkaSnapshot k) {
        List<Finding> out = new ArrayList<>();
        if (k == null || k.expectedBrokers().isEmpty()) {
            return out;
        }
        Reading<KafkaCluster> cluster = k.cluster();
        if (!cluster.isOk()) {
            out.add(new Finding(Level.CRITICAL, "Kafka not answering: " + cluster.freshness().reason()));
        }
        membership(k, out);
        cluster.current().ifPresent(c -> partitions(k, c, out));
        logDirs(k, out);
        return out;
    }

    private static void membership(KafkaSnapshot k, List<Finding> out) {
        Registrations reg = k.registrations().current().orElse(null);
        KafkaCluster cluster = k.cluster().current().orElse(null);
        if (cluster != null && cluster.controller() == null) {
            out.add(new Finding(Level.CRITICAL, "no active Kafka controller"));
        }
        if (!k.registrations().isOk()) {
            out.add(new Finding(Level.DEGRADED, "cannot read broker registrations in ZooKeeper: "
                    + k.registrations().freshness().reason()));
        }
        for (KafkaSnapshot.HostBroker hb : k.brokerHosts()) {
            if (hb.brokerId() == null) {
                if (reg != null) {
                    out.add(new Finding(Level.DEGRADED, "no broker registered from " + hb.host() + " (/brokers/ids)"));
                }
                continue;
            }
            String label = k.label(hb.brokerId());
            if (reg != null && reg.broker(hb.brokerId()).isEmpty()) {
                out.add(new Finding(Level.DEGRADED, label + " down: not registered in ZooKeeper (/brokers/ids)"));
            } else if (cluster != null && !cluster.hasBroker(hb.brokerId())) {
                out.add(new Finding(Level.DEGRADED, label + " missing from the cluster metadata"));
            }
        }
    }

    private static void partitions(KafkaSnapshot k, KafkaCluster c, List<Finding> out) {
        PartitionHealth p = c.partitions();
        if (!p.offline().isEmpty()) {
            out.add(new Finding(Level.CRITICAL, HealthRules.plural(p.offline().size(), "offline partition", "offline partitions")
                    + " (no leader): " + HealthRules.firstFew(names(p.offline()), NAMES_SHOWN)));
        }
        if (!p.underMinIsr().isEmpty()) {
            out.add(new Finding(Level.CRITICAL, HealthRules.plural(p.underMinIsr().size(), "partition", "partitions")
                    + " below min.insync.replicas, acks=all producers fail: "
                    + HealthRules.firstFew(names(p.underMinIsr()), NAMES_SHOWN)));
        }
        Map<String, List<PartitionIssue>> byTopic = new LinkedHashMap<>();
        for (PartitionIssue i : p.underReplicated()) {
            byTopic.computeIfAbsent(i.topic(), t -> new ArrayList<>()).add(i);
        }
        byTopic.forEach((topic, issues) -> out.add(new Finding(Level.DEGRADED, underReplicated(k, topic, issues))));
    }

    /** {@code 4 under-replicated partitions on topic orders (orders-0, …); broker 2 (kafka2) not in ISR}. */
    static String underReplicated(KafkaSnapshot k, String topic, List<PartitionIssue> issues) {
        TreeSet<Integer> missing = new TreeSet<>();
        issues.forEach(i -> missing.addAll(i.outOfSync()));
        List<String> labels = missing.stream().map(k::label).toList();
        return HealthRules.plural(issues.size(), "under-replicated partition", "under-replicated partitions")
                + " on topic " + topic + " (" + HealthRules.firstFew(names(issues), NAMES_SHOWN) + "); "
                + HealthRules.and(labels) + " not in ISR";
    }

    private static void logDirs(KafkaSnapshot k, List<Finding> out) {
        for (BrokerLogDirs b : k.logDirs()) {
            for (LogDir d : b.dirs().current().orElse(List.of())) {
                String where = k.label(b.brokerId()) + " log dir " + d.path();
                if (d.error() != null) {
                    out.add(new Finding(Level.DEGRADED, where + " offline: " + d.error()));
                    continue;
                }
                Double used = d.usedFraction();
                if (used != null && used >= DISK_DEGRADED) {
                    out.add(new Finding(used >= DISK_CRITICAL ? Level.CRITICAL : Level.DEGRADED,
                            where + " " + Math.round(used * 100) + "% full"));
                }
            }
        }
    }

    private static List<String> names(List<PartitionIssue> issues) {
        return issues.stream().map(PartitionIssue::name).toList();
    }
}
