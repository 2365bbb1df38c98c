package dev.kroll.rollout.gate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The read-only picture of the cluster that the gates decide on. It is built from the probes'
 * snapshot (an adapter maps it); the gates never do I/O themselves.
 *
 * @param registeredBrokers broker ids registered (in ZooKeeper {@code /brokers/ids} or seen by the AdminClient)
 * @param controller        the active controller, if any
 * @param brokers           JMX readings per broker id (missing: not readable)
 * @param zookeeper         every configured ZooKeeper server, {@code DOWN} when it did not answer
 * @param kafkaError        why Kafka could not be read at all (null when it could)
 * @param zookeeperError    why ZooKeeper could not be read at all (null when it could)
 */
public record ClusterView(Instant takenAt, Set<Integer> registeredBrokers, OptionalInt controller,
                          List<PartitionState> partitions, Map<Integer, BrokerHealth> brokers, List<ZkMember> zookeeper,
                          String kafkaError, String zookeeperError) {

    public ClusterView {
        registeredBrokers = Set.copyOf(new TreeSet<>(registeredBrokers));
        partitions = List.copyOf(partitions);
        brokers = Map.copyOf(brokers);
        zookeeper = List.copyOf(zookeeper);
    }

    public boolean registered(int broker) {
        return registeredBrokers.contains(broker);
    }

    public Optional<BrokerHealth> health(int broker) {
        return Optional.ofNullable(brokers.get(broker));
    }

    public List<PartitionState> offline() {
        return partitions.stream().filter(PartitionState::offline).toList();
    }

    public List<PartitionState> underReplicated() {
        return partitions.stream().filter(PartitionState::underReplicated).toList();
    }

    public List<PartitionState> underMinIsr() {
        return partitions.stream().filter(PartitionState::underMinIsr).toList();
    }

    public Optional<ZkMember> zkLeader() {
        return zookeeper.stream().filter(m -> m.mode() == ZkMember.ZkMode.LEADER).findFirst();
    }

    public Optional<ZkMember> zkMember(int myid) {
        return zookeeper.stream().filter(m -> m.myid() == myid).findFirst();
    }
}
