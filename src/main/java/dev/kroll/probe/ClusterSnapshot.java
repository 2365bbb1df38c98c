package dev.kroll.probe;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything kroll knows about the cluster at one instant: immutable, free of I/O, shared by
 * {@code kroll status}, the rollout engine's health gates and the dashboard. Each source carries
 * its own {@link Freshness}, so one dead host marks only its own data.
 *
 * @param takenAt when the refresh that produced it started
 */
public record ClusterSnapshot(String cluster, Instant takenAt, ZooKeeperSnapshot zookeeper, KafkaSnapshot kafka,
                              List<JmxSnapshot> jmx, List<ProcessSnapshot> processes,
                              List<CertificateSnapshot> certificates) {

    public ClusterSnapshot {
        jmx = List.copyOf(jmx);
        processes = List.copyOf(processes);
        certificates = List.copyOf(certificates);
    }

    public Optional<JmxSnapshot> jmx(int brokerId) {
        return jmx.stream().filter(j -> j.brokerId() != null && j.brokerId() == brokerId).findFirst();
    }
}
