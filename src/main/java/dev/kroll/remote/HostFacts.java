package dev.kroll.remote;

import java.util.List;
import java.util.Map;

/**
 * What kroll learned about one host: sizing inputs for the planner (RAM, CPUs), preflight inputs (disk,
 * swap, limits, Java, clock) and traces of an earlier installation (broker.id in a log dir, ZooKeeper myid).
 * Unknown values are null.
 *
 * @param host              the inventory name
 * @param addresses         the host's IP addresses (loopback excluded)
 * @param disks             free space of the filesystem holding each log dir
 * @param maxOpenFiles      {@code ulimit -n} of the service user ({@code -1}: unlimited)
 * @param javaVersion       e.g. {@code 17.0.15}
 * @param clockOffsetMillis host clock minus jump host clock
 * @param brokerIds         log dir → broker.id found in its {@code meta.properties}
 * @param zookeeperMyid     the {@code myid} in the ZooKeeper data dir
 * @param listening         TCP sockets in LISTEN state, as {@code address:port} ({@code 0.0.0.0}/{@code ::} for all)
 * @param resolvedAddresses what the host itself resolves its inventory name to (empty: not resolvable)
 * @param gatheredAt        when (ISO-8601, UTC)
 */
public record HostFacts(String host, String hostname, String fqdn, List<String> addresses, Long memoryBytes, Integer cpus,
                        List<DiskSpace> disks, Long swapTotalBytes, Long swapUsedBytes, Integer swappiness,
                        Long maxOpenFiles, String javaVersion, Long clockOffsetMillis,
                        Map<String, Integer> brokerIds, Integer zookeeperMyid, List<String> listening,
                        List<String> resolvedAddresses, String gatheredAt) {

    public HostFacts {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        disks = disks == null ? List.of() : List.copyOf(disks);
        listening = listening == null ? List.of() : List.copyOf(listening);
        resolvedAddresses = resolvedAddresses == null ? List.of() : List.copyOf(resolvedAddresses);
        brokerIds = brokerIds == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(brokerIds));
    }

    /** Free and total space of the filesystem that holds {@code path} (or its nearest existing parent). */
    public record DiskSpace(String path, String mountPoint, long availableBytes, long totalBytes) {
    }

    /** Major Java version (8, 11, 17, 21), or null. */
    public Integer javaMajor() {
        if (javaVersion == null) {
            return null;
        }
        String[] p = javaVersion.split("[._+-]");
        try {
            int first = Integer.parseInt(p[0]);
            return first == 1 && p.length > 1 ? Integer.parseInt(p[1]) : first;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The listening socket that would stop a service binding {@code address:port}: the same address, or a wildcard. */
    public java.util.Optional<String> listenerBlocking(String address, int port) {
        return listening.stream().filter(l -> {
            int colon = l.lastIndexOf(':');
            String a = l.substring(0, colon);
            return l.substring(colon + 1).equals(String.valueOf(port))
                    && (a.equals(address) || a.equals("0.0.0.0") || a.equals("::"));
        }).findFirst();
    }

    public boolean hasKafkaData() {
        return !brokerIds.isEmpty();
    }
}
