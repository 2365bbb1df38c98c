package dev.kroll.plan;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The IDs of one kind ever handed out.
 *
 * @param assigned host name → its ID, for every host that ever had one, present in the inventory or not
 * @param retired  IDs a host gave up because a pin moved it elsewhere → that host; never handed out again
 */
public record IdTable(SortedMap<String, Integer> assigned, SortedMap<Integer, String> retired) {

    public static final IdTable EMPTY = new IdTable(new TreeMap<>(), new TreeMap<>());

    public IdTable {
        assigned = Collections.unmodifiableSortedMap(new TreeMap<>(assigned));
        retired = Collections.unmodifiableSortedMap(new TreeMap<>(retired));
    }

    public Optional<Integer> of(String host) {
        return Optional.ofNullable(assigned.get(host));
    }

    /** Every ID in use or retired. */
    public SortedSet<Integer> taken() {
        SortedSet<Integer> ids = new TreeSet<>(assigned.values());
        ids.addAll(retired.keySet());
        return ids;
    }

    /** The host an ID belongs to (or belonged to, when retired). */
    public Optional<String> holder(int id) {
        for (Map.Entry<String, Integer> e : assigned.entrySet()) {
            if (e.getValue() == id) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.ofNullable(retired.get(id));
    }
}
