package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import dev.kroll.rollout.preflight.Finding;
import java.io.IOException;
import java.util.List;

/** Checks a host can take the cluster's services (facts: Java, disk, ports, existing IDs). */
public interface Preflight {

    /** What is wrong with the host, each finding with its check id; errors refuse the run unless accepted, warnings are shown. */
    List<Finding> check(Host host) throws IOException;
}
