package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import java.util.Optional;

/** The two kinds of ID kroll hands out: Kafka's {@code broker.id} and ZooKeeper's {@code myid}. */
public enum IdKind {
    /** Kafka refuses IDs above {@code reserved.broker.max.id} (1000 by default) unless it generated them itself. */
    BROKER("broker.id", "broker_id", Role.KAFKA, 1, 0, 1000),
    /** ZooKeeper's myid must be 1–255. */
    ZOOKEEPER("myid", "zookeeper_id", Role.ZOOKEEPER, 1, 1, 255);

    private final String property;
    private final String field;
    private final Role role;
    private final int first;
    private final int min;
    private final int max;

    IdKind(String property, String field, Role role, int first, int min, int max) {
        this.property = property;
        this.field = field;
        this.role = role;
        this.first = first;
        this.min = min;
        this.max = max;
    }

    /** How Kafka/ZooKeeper call it: {@code broker.id} or {@code myid}. */
    public String property() {
        return property;
    }

    /** The inventory field that pins it: {@code broker_id} or {@code zookeeper_id}. */
    public String field() {
        return field;
    }

    public Role role() {
        return role;
    }

    /** The first ID kroll allocates. */
    public int first() {
        return first;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public Optional<Integer> pinned(Host host) {
        return this == BROKER ? host.pinnedBrokerId() : host.pinnedZookeeperId();
    }
}
