package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import dev.kroll.util.Problem;
import java.io.IOException;
import java.util.List;

/** Checks a host can take the cluster's services (facts: Java, disk, ports, existing IDs). */
public interface Preflight {

    /** What is wrong with the host; errors refuse the run, warnings are shown. */
    List<Problem> check(Host host) throws IOException;
}
