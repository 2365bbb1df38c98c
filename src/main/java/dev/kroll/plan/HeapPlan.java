package dev.kroll.plan;

import dev.kroll.inventory.Role;
import dev.kroll.util.ByteSize;
import java.util.Optional;

/**
 * The heaps of one host's services.
 *
 * @param memory    the host's RAM as known to the planner (facts, the inventory or --memory), if any
 * @param pageCache what the heaps leave to the OS page cache, when the memory is known
 */
public record HeapPlan(Optional<ByteSize> memory, Optional<Heap> kafka, Optional<Heap> zookeeper, Optional<ByteSize> pageCache) {

    public Optional<Heap> of(Role role) {
        return role == Role.KAFKA ? kafka : zookeeper;
    }
}
