package dev.kroll.plan;

import dev.kroll.util.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link IdAllocator} decided: the registry to keep, each host's IDs, the problems found and a
 * line per change for the operator ("allocated broker.id 4 to kafka4").
 */
public record IdAllocation(IdRegistry registry, boolean changed, Map<String, Integer> brokerIds, Map<String, Integer> myids,
                           List<Problem> problems, List<String> changes) {

    public IdAllocation {
        brokerIds = Map.copyOf(brokerIds);
        myids = Map.copyOf(myids);
        problems = List.copyOf(problems);
        changes = List.copyOf(changes);
    }

    public Optional<Integer> brokerId(String host) {
        return Optional.ofNullable(brokerIds.get(host));
    }

    public Optional<Integer> myid(String host) {
        return Optional.ofNullable(myids.get(host));
    }

    public Map<String, Integer> ids(IdKind kind) {
        return kind == IdKind.BROKER ? brokerIds : myids;
    }
}
