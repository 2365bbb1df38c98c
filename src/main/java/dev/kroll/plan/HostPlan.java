package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything planned for one host. Empty optionals and configs for roles the host does not have.
 *
 * @param broker the effective server.properties for each listener phase
 */
public record HostPlan(Host host, Optional<Integer> brokerId, Optional<Integer> myid, HeapPlan heap,
                       Optional<JvmOptions> kafkaJvm, Optional<JvmOptions> zookeeperJvm,
                       Map<ListenerPhase, EffectiveConfig> broker, EffectiveConfig zookeeper) {

    public HostPlan {
        broker = broker.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(broker));
    }

    public String name() {
        return host.name();
    }

    public boolean has(Role role) {
        return host.has(role);
    }

    public EffectiveConfig broker(ListenerPhase phase) {
        return broker.getOrDefault(phase, EffectiveConfig.EMPTY);
    }

    public Optional<JvmOptions> jvm(Role role) {
        return role == Role.KAFKA ? kafkaJvm : zookeeperJvm;
    }
}
