package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import java.io.IOException;
import java.util.List;

/** Checks a host can take the cluster's services (facts: Java, disk, ports, existing IDs). */
public interface Preflight {

    /** One line per problem; empty when the host is fit. */
    List<String> check(Host host) throws IOException;
}
