package dev.kroll.rollout.gate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The broker gates, as pure functions of a {@link ClusterView}. {@code expected} maps every broker
 * id of the plan to its host name, so a broker that is missing can be named.
 */
public final class BrokerGates {

    private BrokerGates() {
    }

    /**
     * Before a rolling step starts: the whole cluster healthy, and no partition that could not
     * survive any one broker stopping (so a roll never gets half way and then refuses).
     */
    public static GateDecision readyToRoll(ClusterView v, Map<Integer, String> expected) {
        GateDecision health = healthy(v, expected);
        if (!health.passed()) {
            return health;
        }
        List<PartitionState> fragile = v.partitions().stream().filter(p -> p.replicas().size() - 1 < p.minIsr()).toList();
        if (!fragile.isEmpty()) {
            return GateDecision.refuse(fragileReason(fragile, null));
        }
        return health;
    }

    /**
     * Before stopping {@code broker}: every broker registered, a controller present, no offline,
     * under-replicated or under-min-ISR partitions, and no partition whose ISR would fall below
     * {@code min.insync.replicas} without this broker.
     *
     * @param resumingInterrupted the journal says this broker's action was interrupted part way,
     *                            so it may legitimately be down already: stopping it again cannot
     *                            hurt, and bringing it back is the way to health
     */
    public static GateDecision beforeStop(ClusterView v, Map<Integer, String> expected, int broker, boolean resumingInterrupted) {
        if (v.kafkaError() != null) {
            return GateDecision.waitFor("cannot read the Kafka cluster: " + v.kafkaError());
        }
        if (resumingInterrupted && !v.registered(broker)) {
            return GateDecision.pass(label(expected, broker) + " is already stopped (its action was interrupted in an earlier attempt); continuing it");
        }
        GateDecision present = registeredWithController(v, expected);
        if (present != null) {
            return present;
        }
        // every partition this broker replicates, healthy or not, each with its topic's own min.insync.replicas;
        // what stopping it would do comes first: it is the most precise reason
        List<PartitionState> onBroker = v.partitions().stream().filter(p -> p.replicas().contains(broker)).toList();
        List<PartitionState> fragile = onBroker.stream().filter(p -> p.replicas().size() - 1 < p.minIsr()).toList();
        if (!fragile.isEmpty()) {
            return GateDecision.refuse(fragileReason(fragile, broker));
        }
        List<PartitionState> wouldDrop = onBroker.stream()
                .filter(p -> p.isr().contains(broker) && p.isr().size() - 1 < p.minIsr()).toList();
        if (!wouldDrop.isEmpty()) {
            PartitionState p = wouldDrop.get(0);
            TreeSet<Integer> behind = new TreeSet<>();
            wouldDrop.forEach(x -> behind.addAll(x.outOfSync()));
            return GateDecision.waitFor("stopping " + label(expected, broker) + " would leave "
                    + Reasons.plural(wouldDrop.size(), "partition") + " below min.insync.replicas: " + Reasons.names(wouldDrop)
                    + " (" + p.name() + " would keep " + (p.isr().size() - 1) + " in-sync of " + p.replicas().size() + " replicas, needs "
                    + p.minIsr() + ")" + (behind.isEmpty() ? "" : "; it is a last spare in-sync replica until "
                    + Reasons.brokers(behind) + " " + (behind.size() == 1 ? "is" : "are") + " back in the ISR"));
        }
        GateDecision health = healthy(v, expected);
        if (!health.passed()) {
            return health;
        }
        return GateDecision.pass(health.text() + "; every ISR keeps min.insync.replicas without broker " + broker);
    }

    /**
     * After starting {@code broker}: registered again, BrokerState RUNNING, back in the ISR of every
     * partition it hosts, and no under-replicated partition left in the cluster.
     */
    public static GateDecision afterStart(ClusterView v, Map<Integer, String> expected, int broker) {
        if (v.kafkaError() != null) {
            return GateDecision.waitFor("cannot read the Kafka cluster: " + v.kafkaError());
        }
        if (!v.registered(broker)) {
            return GateDecision.waitFor(notRegisteredYet(expected, broker));
        }
        Integer state = v.health(broker).map(BrokerHealth::brokerState).orElse(null);
        if (state == null || state != BrokerHealth.RUNNING) {
            return GateDecision.waitFor(label(expected, broker) + " is " + BrokerHealth.stateName(state));
        }
        List<PartitionState> missing = v.partitions().stream()
                .filter(p -> p.replicas().contains(broker) && !p.isr().contains(broker)).toList();
        if (!missing.isEmpty()) {
            return GateDecision.waitFor("broker " + broker + " not yet in ISR of "
                    + Reasons.plural(missing.size(), "partition") + ": " + Reasons.names(missing));
        }
        List<PartitionState> urp = v.underReplicated();
        if (!urp.isEmpty()) {
            return GateDecision.waitFor(Reasons.underReplicated(urp));
        }
        if (v.controller().isEmpty()) {
            return GateDecision.waitFor("no active controller");
        }
        return GateDecision.pass(label(expected, broker) + " RUNNING and in every ISR; no under-replicated partitions");
    }

    /** Every broker of the plan registered with a controller present (after starting the brokers). */
    public static GateDecision allRegistered(ClusterView v, Map<Integer, String> expected) {
        GateDecision present = registeredWithController(v, expected);
        if (present != null) {
            return present;
        }
        for (int id : expected.keySet()) {
            Integer state = v.health(id).map(BrokerHealth::brokerState).orElse(null);
            if (state == null || state != BrokerHealth.RUNNING) {
                return GateDecision.waitFor(label(expected, id) + " is " + BrokerHealth.stateName(state));
            }
        }
        return GateDecision.pass("all " + expected.size() + " brokers registered and RUNNING, controller " + v.controller().getAsInt());
    }

    /**
     * How far {@code broker} still is from healthy; each component only shrinks while it recovers.
     * Components: not registered, not RUNNING, logs left to recover, its partitions missing from the
     * ISR, cluster under-replicated partitions, replica fetcher max lag.
     */
    /** The after-start gate's reason while {@code broker} is not registered. */
    public static String notRegisteredYet(Map<Integer, String> expected, int broker) {
        return label(expected, broker) + " is not registered yet";
    }

    public static RecoveryMeasure recovery(ClusterView v, int broker) {
        if (v.kafkaError() != null) {
            return RecoveryMeasure.unknown();
        }
        BrokerHealth h = v.health(broker).orElse(null);
        long notRunning = h == null || h.brokerState() == null || h.brokerState() != BrokerHealth.RUNNING ? 1 : 0;
        long toRecover = h == null || h.logsToRecover() == null ? 0 : h.logsToRecover();
        long lag = h == null || h.maxReplicaLag() == null ? 0 : h.maxReplicaLag();
        long missing = v.partitions().stream().filter(p -> p.replicas().contains(broker) && !p.isr().contains(broker)).count();
        return new RecoveryMeasure(List.of(v.registered(broker) ? 0L : 1L, notRunning, toRecover, missing,
                (long) v.underReplicated().size(), lag));
    }

    /** Why the cluster is not readable, a planned broker not registered or no controller elected; null when none of these. */
    private static GateDecision registeredWithController(ClusterView v, Map<Integer, String> expected) {
        if (v.kafkaError() != null) {
            return GateDecision.waitFor("cannot read the Kafka cluster: " + v.kafkaError());
        }
        GateDecision missing = missing(v, expected);
        if (missing != null) {
            return missing;
        }
        return v.controller().isEmpty() ? GateDecision.waitFor("no active controller") : null;
    }

    private static GateDecision healthy(ClusterView v, Map<Integer, String> expected) {
        GateDecision present = registeredWithController(v, expected);
        if (present != null) {
            return present;
        }
        List<PartitionState> offline = v.offline();
        if (!offline.isEmpty()) {
            return GateDecision.waitFor(Reasons.plural(offline.size(), "offline partition") + ": " + Reasons.names(offline));
        }
        List<PartitionState> urp = v.underReplicated();
        if (!urp.isEmpty()) {
            return GateDecision.waitFor(Reasons.underReplicated(urp));
        }
        List<PartitionState> underMin = v.underMinIsr();
        if (!underMin.isEmpty()) {
            return GateDecision.waitFor(Reasons.plural(underMin.size(), "partition") + " under min.insync.replicas: " + Reasons.names(underMin));
        }
        return GateDecision.pass("all " + expected.size() + " brokers registered, controller " + v.controller().getAsInt()
                + ", no offline, under-replicated or under-min-ISR partitions");
    }

    private static GateDecision missing(ClusterView v, Map<Integer, String> expected) {
        Map<Integer, String> missing = new TreeMap<>(expected);
        missing.keySet().removeAll(v.registeredBrokers());
        if (missing.isEmpty()) {
            return null;
        }
        List<String> names = missing.keySet().stream().map(id -> label(expected, id)).toList();
        return GateDecision.waitFor(String.join(", ", names) + (names.size() == 1 ? " is" : " are") + " not registered");
    }

    private static String fragileReason(List<PartitionState> fragile, Integer broker) {
        PartitionState p = fragile.get(0);
        String who = broker == null ? "a broker" : "broker " + broker;
        return Reasons.plural(fragile.size(), "partition") + " cannot lose a replica: " + Reasons.names(fragile)
                + " (replication factor " + p.replicas().size() + ", min.insync.replicas " + p.minIsr() + "); stopping "
                + who + " would make " + (p.replicas().size() == 1 ? "it unavailable" : "acks=all producers fail")
                + " — raise the replication factor (kafka-reassign-partitions) or lower min.insync.replicas first";
    }


    static String label(Map<Integer, String> expected, int broker) {
        String host = expected.get(broker);
        return host == null ? "broker " + broker : "broker " + broker + " (" + host + ")";
    }

    /** The ids in {@code expected} that are not registered. */
    public static Set<Integer> unregistered(ClusterView v, Map<Integer, String> expected) {
        Set<Integer> s = new TreeSet<>(expected.keySet());
        s.removeAll(v.registeredBrokers());
        return s;
    }
}
