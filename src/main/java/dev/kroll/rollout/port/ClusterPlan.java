package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import dev.kroll.plan.ListenerPhase;
import java.util.List;

/** The planned cluster ({@code dev.kroll.plan}): stable IDs and every file a host needs. */
public interface ClusterPlan {

    int brokerId(Host host);

    int zookeeperId(Host host);

    /** Every configuration file of the host (ZooKeeper and Kafka), with the listeners of {@code phase}. */
    List<RenderedFile> render(Host host, ListenerPhase phase);
}
