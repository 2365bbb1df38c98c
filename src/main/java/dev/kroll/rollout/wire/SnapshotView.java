package dev.kroll.rollout.wire;

import dev.kroll.probe.BrokerMetrics;
import dev.kroll.probe.BrokerRegistration;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.JmxSnapshot;
import dev.kroll.probe.KafkaCluster;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
     * @param allPartitions every partition with its replicas, ISR and effective min.insync.replicas, read in
     *                      this refresh; required: the probe's snapshot lists only unhealthy partitions, and the
     *                      gate "no ISR falls below min.insync.replicas without this broker" must see them all
     */
    public static ClusterView of(ClusterSnapshot s, Map<String, Integer> myids, List<PartitionState> allPartitions) {
        return view(s, myids, Objects.requireNonNull(allPartitions, "allPartitions"), null);
    }

    /** The view when the partitions could not be read: no broker gate can pass on it ({@code kafkaError} says why). */
    public static ClusterView withoutPartitions(ClusterSnapshot s, Map<String, Integer> myids, String why) {
        return view(s, myids, List.of(), Objects.requireNonNull(why, "why"));
    }

    private static ClusterView view(ClusterSnapshot s, Map<String, Integer> myids, List<PartitionState> partitions, String partitionsError) {
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
        String kafkaError = partitionsError != null ? partitionsError
                : kc.isPresent() || rc.isPresent() ? null : "the AdminClient got no answer: " + reason(cluster);

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
