package dev.kroll.rollout.port;

import dev.kroll.rollout.gate.ClusterView;
import java.util.Optional;

/** Reads the cluster's state for the gates ({@code dev.kroll.probe}'s snapshot, adapted). */
public interface ClusterProbe {

    /** A fresh view; parts that cannot be read are reported in the view, not thrown. */
    ClusterView snapshot();

    /**
     * A view for a gate about the broker on {@code host} alone: registrations, controller, every partition and that
     * broker's own state; ZooKeeper servers and the other brokers' JMX may be left out, so it is cheaper to poll
     * while the broker starts. A probe that cannot read less reads everything.
     */
    default ClusterView snapshotOf(String host) {
        return snapshot();
    }

    /**
     * Whether broker {@code id} is registered, read more cheaply than a {@link #snapshot()} (one ZooKeeper
     * lookup); empty when this probe cannot tell on its own.
     */
    default Optional<Boolean> registered(int id) {
        return Optional.empty();
    }
}
