package dev.kroll.inventory;

import dev.kroll.util.ByteSize;
import dev.kroll.util.Setting;
import dev.kroll.util.SourcePos;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One machine of the cluster as the operator described it. Optional values are null when not given;
 * {@code positions} maps field names (e.g. {@code broker_id}) to where they were written.
 *
 * @param name      the host's name as clients use it (FQDN preferred)
 * @param address   the IP address kroll connects to and services bind to
 * @param aliases   further DNS names clients use (certificate SANs)
 * @param groups    group overrides applied in this order, after the cluster's and before the host's
 * @param brokerId  pinned broker.id, or null to let the ID registry allocate one
 * @param zookeeperId pinned ZooKeeper myid (1–255), or null
 * @param memory    RAM assumed for heap planning until facts are gathered, or null
 * @param paths     the host's own install paths, over the cluster's ({@link Inventory#pathsFor})
 */
public record Host(String name, String address, List<String> aliases, Set<Role> roles, String rack, List<String> groups,
                   Integer brokerId, Integer zookeeperId, ByteSize memory, Map<String, String> heap,
                   SshSettings ssh, Ports ports, PathOverrides paths,
                   Map<String, Setting> broker, Map<String, Setting> zookeeper,
                   SourcePos pos, Map<String, SourcePos> positions) {

    public Host {
        aliases = List.copyOf(aliases);
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        groups = List.copyOf(groups);
        heap = Collections.unmodifiableMap(new LinkedHashMap<>(heap));
        broker = Collections.unmodifiableMap(new LinkedHashMap<>(broker));
        zookeeper = Collections.unmodifiableMap(new LinkedHashMap<>(zookeeper));
        positions = Map.copyOf(positions);
        paths = paths == null ? PathOverrides.NONE : paths;
    }

    /** A host with the cluster's paths. */
    public Host(String name, String address, List<String> aliases, Set<Role> roles, String rack, List<String> groups,
                Integer brokerId, Integer zookeeperId, ByteSize memory, Map<String, String> heap, SshSettings ssh, Ports ports,
                Map<String, Setting> broker, Map<String, Setting> zookeeper, SourcePos pos, Map<String, SourcePos> positions) {
        this(name, address, aliases, roles, rack, groups, brokerId, zookeeperId, memory, heap, ssh, ports, PathOverrides.NONE,
                broker, zookeeper, pos, positions);
    }

    /** A host with only the essentials, everything else default. */
    public static Host of(String name, String address, Set<Role> roles) {
        return new Host(name, address, List.of(), roles, null, List.of(), null, null, null, Map.of(),
                SshSettings.DEFAULT, Ports.DEFAULT, Map.of(), Map.of(), SourcePos.NONE, Map.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Where a field was written, or the host's own position. */
    public SourcePos pos(String field) {
        return positions.getOrDefault(field, pos);
    }

    public Optional<Integer> pinnedBrokerId() {
        return Optional.ofNullable(brokerId);
    }

    public Optional<Integer> pinnedZookeeperId() {
        return Optional.ofNullable(zookeeperId);
    }

    /** The short name (first label) of the host name, e.g. {@code kafka1} for {@code kafka1.example.com}. */
    public String shortName() {
        int dot = name.indexOf('.');
        return dot > 0 && !Character.isDigit(name.charAt(0)) ? name.substring(0, dot) : name;
    }
}
