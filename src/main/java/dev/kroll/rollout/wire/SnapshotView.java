package dev.kroll.rollout.wire;

import dev.kroll.probe.BrokerMetrics;
import dev.kroll.probe.BrokerRegistration;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.JmxSnapshot;
import dev.kroll.probe.KafkaCluster;
import dev.kroll.probe.PartitionHealth;
import dev.kroll.probe.PartitionIssue;
import dev.kroll.probe.Reading;
import dev.kroll.probe.Registrations;
import dev.kroll.probe.ZkServerSnapshot;
import dev.kroll.probe.ZkServerStats;
import dev.kroll.rollout.gate.BrokerHealth;
import dev.kroll.rollout.gate.ClusterView;
import dev.kroll.rollout.gate.PartitionState;
import dev.kroll.rollout.gate.ZkMember;
import dev.kroll.rollout.gate.ZkMember.ZkMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps the probes' {@link ClusterSnapshot} to the gates' {@link ClusterView}. Pure. Only values read
 * in this very refresh count: a stale reading (the last good value of a source that stopped
 * answering) is reported as unreadable, so no gate ever passes on old news.
 */
public final class SnapshotView {

    private SnapshotView() {
    }

    /**
     * @param myids         ZooKeeper myid per host name (from the plan)
     * @param allPartitions every partition with its replicas, ISR and min.insync.replicas, when read
     *                      (the snapshot only lists unhealthy ones, and the gate that checks whether a
     *                      broker may stop needs the healthy ones too); null to use the snapshot's
     */
    public static ClusterView of(ClusterSnapshot s, Map<String, Integer> myids, List<PartitionState> allPartitions) {
        Reading<KafkaCluster> cluster = s.kafka().cluster();
        Reading<Registrations> reg = s.kafka().registrations();
        Optional<KafkaCluster> kc = cluster.current();
        Optional<Registrations> rc = reg.current();

        Set<Integer> registered = new TreeSet<>();
        rc.ifPresentOrElse(r -> r.brokers().stream().map(BrokerRegistration::id).forEach(registered::add),
                () -> kc.ifPresent(c -> c.brokers().forEach(b -> registered.add(b.id()))));
        Integer controller = rc.isPresent() ? rc.get().controller() : kc.map(KafkaCluster::controller).orElse(null);
        // with kroll's own partition read, the registrations in ZooKeeper suffice for the rest (the
        // probe's AdminClient may sit on a listener that is being closed)
        boolean readable = kc.isPresent() || (allPartitions != null && rc.isPresent());
        String kafkaError = readable ? null : "the AdminClient got no answer: " + reason(cluster);

        List<PartitionState> partitions = allPartitions != null ? allPartitions
                : kc.map(c -> fromIssues(c.partitions())).orElse(List.of());

        Map<Integer, BrokerHealth> health = new HashMap<>();
        for (JmxSnapshot j : s.jmx()) {
            Optional<BrokerMetrics> m = j.metrics().current();
            if (j.brokerId() != null && m.isPresent()) {
                health.put(j.brokerId(), new BrokerHealth(j.brokerId(), m.get().brokerState(), null, null));
            }
        }
        // brokers without a JMX reading count as RUNNING only if JMX is not read at all (the gates then rely on registration and ISR)
        if (s.jmx().isEmpty()) {
            registered.forEach(id -> health.put(id, new BrokerHealth(id, BrokerHealth.RUNNING, null, null)));
        }

        List<ZkMember> zk = new ArrayList<>();
        boolean anyAnswered = false;
        String zkReason = null;
        for (ZkServerSnapshot server : s.zookeeper().servers()) {
            Integer myid = myids.get(server.host());
            if (myid == null) {
                continue;
            }
            Optional<ZkServerStats> st = server.stats().current();
            anyAnswered |= st.isPresent();
            if (st.isEmpty() && zkReason == null) {
                zkReason = reason(server.stats());
            }
            zk.add(st.map(x -> new ZkMember(myid, server.host(), mode(x.mode()), x.followers(), x.syncedFollowers()))
                    .orElse(ZkMember.down(myid, server.host())));
        }
        String zkError = anyAnswered || zk.isEmpty() ? null : "no ZooKeeper server answered: " + zkReason;
        return new ClusterView(s.takenAt(), registered, controller == null ? OptionalInt.empty() : OptionalInt.of(controller),
                partitions, health, zk, kafkaError, zkError);
    }

    static List<PartitionState> fromIssues(PartitionHealth h) {
        Map<String, PartitionIssue> all = new LinkedHashMap<>();
        for (List<PartitionIssue> l : List.of(h.underReplicated(), h.offline(), h.underMinIsr())) {
            l.forEach(p -> all.putIfAbsent(p.name(), p));
        }
        return all.values().stream().map(SnapshotView::state).toList();
    }

    public static PartitionState state(PartitionIssue p) {
        return new PartitionState(p.topic(), p.partition(), p.replicas(), p.isr(), p.leader() == null ? -1 : p.leader(), p.minIsr());
    }

    private static ZkMode mode(dev.kroll.probe.ZkMode m) {
        return switch (m) {
            case LEADER -> ZkMode.LEADER;
            case FOLLOWER -> ZkMode.FOLLOWER;
            case OBSERVER -> ZkMode.OBSERVER;
            case STANDALONE -> ZkMode.STANDALONE;
            default -> ZkMode.DOWN; // read-only, not serving, unknown: not a member the quorum can count on
        };
    }

    private static String reason(Reading<?> r) {
        String why = r.freshness().reason();
        return why == null ? r.freshness().status().name().toLowerCase(Locale.ROOT) : why;
    }
}
