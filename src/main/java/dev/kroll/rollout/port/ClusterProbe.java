package dev.kroll.rollout.port;

import dev.kroll.rollout.gate.ClusterView;

/** Reads the cluster's state for the gates ({@code dev.kroll.probe}'s snapshot, adapted). */
public interface ClusterProbe {

    /** A fresh view; parts that cannot be read are reported in the view, not thrown. */
    ClusterView snapshot();
}
