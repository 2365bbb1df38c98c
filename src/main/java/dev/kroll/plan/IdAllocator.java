package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.util.Problem;
import dev.kroll.util.Setting;
import dev.kroll.util.SourcePos;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Gives every broker a broker.id and every ZooKeeper server a myid, once, by host name. Pure: the
 * registry comes in as a value and the next registry goes out as one.
 *
 * <p>The rules: an ID, once registered to a host name, stays with it whatever happens to the list
 * (hosts added, removed, reordered); a pin in the inventory wins over the registry but may not take
 * another host's ID; the ID of a host that left the inventory is not handed out again unless
 * {@code reuseIds}; new hosts get the lowest ID never used. Allocation order is the inventory's, which
 * matters only for hosts that are new in the same run.
 */
public final class IdAllocator {

    private IdAllocator() {
    }

    public static IdAllocation allocate(Inventory inv, IdRegistry registry, boolean reuseIds) {
        List<Problem> problems = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        Map<IdKind, Map<String, Integer>> ids = new EnumMap<>(IdKind.class);
        IdRegistry next = registry;
        for (IdKind kind : IdKind.values()) {
            Map<String, Integer> out = new LinkedHashMap<>();
            next = next.with(kind, allocate(kind, inv, registry.table(kind), reuseIds, out, problems, changes));
            ids.put(kind, out);
        }
        return new IdAllocation(next, !next.equals(registry), ids.get(IdKind.BROKER), ids.get(IdKind.ZOOKEEPER), problems, changes);
    }

    private static IdTable allocate(IdKind kind, Inventory inv, IdTable table, boolean reuseIds, Map<String, Integer> out,
                                    List<Problem> problems, List<String> changes) {
        List<Host> members = inv.hosts(kind.role());
        Set<String> memberNames = new HashSet<>();
        members.forEach(h -> memberNames.add(h.name()));
        TreeMap<String, Integer> assigned = new TreeMap<>(table.assigned());
        TreeMap<Integer, String> retired = new TreeMap<>(table.retired());

        if (reuseIds) {
            assigned.entrySet().removeIf(e -> {
                boolean gone = !memberNames.contains(e.getKey());
                if (gone) {
                    changes.add("released " + kind.property() + " " + e.getValue() + " of " + e.getKey() + " (--reuse-ids)");
                }
                return gone;
            });
            retired.forEach((id, host) -> changes.add("released retired " + kind.property() + " " + id + " of " + host + " (--reuse-ids)"));
            retired.clear();
        }

        int max = max(kind, inv);
        Map<Integer, Host> pinnedBy = new HashMap<>();
        Map<Host, Integer> validPins = new LinkedHashMap<>();
        for (Host h : members) {
            Optional<Integer> pin = kind.pinned(h);
            if (pin.isEmpty()) {
                continue;
            }
            int id = pin.get();
            SourcePos pos = h.pos(kind.field());
            if (id < kind.min() || id > max) {
                problems.add(Problem.error(pos, kind.field() + " " + id + " of " + h.name() + " is outside " + kind.min() + "–" + max,
                        kind == IdKind.ZOOKEEPER ? "ZooKeeper's myid must be from 1 to 255"
                                : "Kafka accepts broker IDs up to reserved.broker.max.id (" + max + "); pin a smaller one"));
                continue;
            }
            Host other = pinnedBy.putIfAbsent(id, h);
            if (other != null) {
                problems.add(Problem.error(pos, kind.field() + " " + id + " of " + h.name() + " is also pinned by " + other.name()
                        + where(other.pos(kind.field())), "give each host its own " + kind.property() + ", or remove a pin"));
                continue;
            }
            Optional<String> holder = holder(assigned, retired, id);
            if (holder.isPresent() && !holder.get().equals(h.name())) {
                boolean present = inv.host(holder.get()).isPresent();
                problems.add(Problem.error(pos, kind.field() + " " + id + " of " + h.name() + " already belongs to " + holder.get()
                        + (present ? "" : " (no longer in the inventory)") + " in the ID registry",
                        present ? "IDs never move between hosts: remove the pin to get a free one, or pin an unused ID"
                                : "its disks may still carry that ID: pin an unused one, or pass --reuse-ids if "
                                + holder.get() + " is gone for good"));
                continue;
            }
            validPins.put(h, id);
        }

        validPins.forEach((h, id) -> {
            Integer old = assigned.put(h.name(), id);
            retired.remove(id, h.name());
            if (old == null) {
                changes.add("registered pinned " + kind.property() + " " + id + " of " + h.name());
            } else if (old != id.intValue()) {
                retired.put(old, h.name());
                changes.add("moved " + h.name() + " from " + kind.property() + " " + old + " to its pinned " + id + "; " + old + " is retired");
                problems.add(Problem.warning(h.pos(kind.field()), h.name() + " is pinned to " + kind.property() + " " + id
                        + " but was registered with " + old, kind == IdKind.BROKER
                        ? "a broker's log dirs remember their ID (meta.properties): only re-pin a broker without data"
                        : "the server's dataDir/myid must be rewritten; only re-pin a server whose ensemble you are rebuilding"));
            }
        });

        TreeSet<Integer> taken = new TreeSet<>(assigned.values());
        taken.addAll(retired.keySet());
        taken.addAll(pinnedBy.keySet());
        int candidate = kind.first();
        for (Host h : members) {
            if (kind.pinned(h).isPresent() || assigned.containsKey(h.name())) {
                continue;
            }
            while (taken.contains(candidate)) {
                candidate++;
            }
            if (candidate > max) {
                problems.add(Problem.error(h.pos(), "no free " + kind.property() + " left for " + h.name() + " (" + kind.min() + "–" + max
                        + " are all registered)", "pass --reuse-ids to hand out the IDs of hosts that left the inventory"));
                continue;
            }
            assigned.put(h.name(), candidate);
            taken.add(candidate);
            changes.add("allocated " + kind.property() + " " + candidate + " to " + h.name());
        }

        for (Host h : members) {
            Integer id = validPins.containsKey(h) ? validPins.get(h) : kind.pinned(h).isPresent() ? null : assigned.get(h.name());
            if (id != null) {
                out.put(h.name(), id);
            }
        }
        return new IdTable(assigned, retired);
    }

    private static Optional<String> holder(Map<String, Integer> assigned, Map<Integer, String> retired, int id) {
        for (Map.Entry<String, Integer> e : assigned.entrySet()) {
            if (e.getValue() == id) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.ofNullable(retired.get(id));
    }

    /** The highest ID Kafka accepts: {@code reserved.broker.max.id} when the cluster sets it. */
    private static int max(IdKind kind, Inventory inv) {
        Setting reserved = inv.broker().get("reserved.broker.max.id");
        if (kind == IdKind.BROKER && reserved != null) {
            try {
                return Integer.parseInt(reserved.value().trim());
            } catch (NumberFormatException e) {
                return kind.max(); // the config type check reports it
            }
        }
        return kind.max();
    }

    private static String where(SourcePos pos) {
        return pos.line() > 0 ? " (line " + pos.line() + ")" : "";
    }
}
