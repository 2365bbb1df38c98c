package dev.kroll.inventory;

import dev.kroll.util.ByteSize;
import dev.kroll.util.DidYouMean;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.Setting;
import dev.kroll.util.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules every inventory must pass, whatever format it came from. Pure: no I/O. */
public final class InventoryValidator {

    /** Below this, a host's memory was surely written without its unit. */
    static final ByteSize MIN_MEMORY = ByteSize.ofMiB(256);

    private InventoryValidator() {
    }

    public static List<Problem> validate(Inventory inv) {
        List<Problem> p = new ArrayList<>();
        if (inv.hosts().isEmpty()) {
            p.add(Problem.error(inv.pos(), "the inventory lists no hosts", "add a 'hosts:' list with at least three ZooKeeper and one Kafka host"));
            return p;
        }
        hostsAreWellFormed(inv, p);
        pathsAreAbsolute(inv, p);
        acceptancesNameHosts(inv, p);
        hostsAreDistinct(inv, p);
        groupsExist(inv, p);
        rolesAreCovered(inv, p);
        pinnedIdsAreValid(inv, p);
        memoryIsPlausible(inv, p);
        replicationFits(inv, p);
        return p;
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }

    public static void throwIfErrors(List<Problem> problems) {
        if (hasErrors(problems)) {
            throw KrollException.badInput(problems);
        }
    }

    private static void hostsAreWellFormed(Inventory inv, List<Problem> p) {
        for (Host h : inv.hosts()) {
            if (!h.name().isEmpty() && !HostNames.isHostname(h.name()) && !HostNames.isIp(h.name())) {
                p.add(Problem.error(h.pos("name"), "'" + h.name() + "' is not a valid host name",
                        "use letters, digits, '-' and '.', e.g. kafka1.example.com"));
            }
            boolean addressIsName = h.address().equals(h.name()); // then the name's own error says it
            if (!h.address().isEmpty() && !addressIsName && !HostNames.isIp(h.address()) && !HostNames.isHostname(h.address())) {
                p.add(Problem.error(h.pos("address"), "'" + h.address() + "' is not a valid IP address or host name",
                        HostNames.looksNumeric(h.address()) ? "each part of an IPv4 address is 0–255" : "write an IP such as 10.0.0.11"));
            }
            for (String alias : h.aliases()) {
                if (!HostNames.isHostname(alias) && !HostNames.isIp(alias)) {
                    p.add(Problem.error(h.pos("aliases"), "alias '" + alias + "' of " + h.name() + " is not a valid host name", "fix or remove it"));
                }
            }
            if (h.roles().isEmpty()) {
                p.add(Problem.error(h.pos(), "host " + display(h) + " has no role",
                        "add 'roles: [zookeeper]', 'roles: [kafka]' or both"));
            }
            Ports ports = h.ports();
            Map<Integer, String> used = new HashMap<>();
            portInUse(used, ports.zookeeperClient(), "zookeeper_client", h, p);
            portInUse(used, ports.zookeeperPeer(), "zookeeper_peer", h, p);
            portInUse(used, ports.zookeeperElection(), "zookeeper_election", h, p);
            if (ports.zookeeperAdmin() > 0) {
                portInUse(used, ports.zookeeperAdmin(), "zookeeper_admin", h, p);
            }
            portInUse(used, ports.kafkaPlaintext(), "kafka_plaintext", h, p);
            portInUse(used, ports.kafkaSsl(), "kafka_ssl", h, p);
            portInUse(used, ports.kafkaJmx(), "kafka_jmx", h, p);
            portInUse(used, ports.zookeeperJmx(), "zookeeper_jmx", h, p);
        }
    }

    private static void acceptancesNameHosts(Inventory inv, List<Problem> p) {
        List<String> names = inv.hosts().stream().map(Host::name).toList();
        for (PreflightAcceptance a : inv.accepted()) {
            for (String h : a.hosts()) {
                if (!names.contains(h)) {
                    p.add(Problem.error(a.pos(), "preflight.accept of '" + a.check() + "' names unknown host '" + h + "'",
                            DidYouMean.closest(h, names).map(s -> "did you mean '" + s + "'?").orElse("name a host of the inventory")));
                }
            }
        }
    }

    /** Relative paths would be relative to whatever directory a command happens to run in: refused early. */
    private static void pathsAreAbsolute(Inventory inv, List<Problem> p) {
        PathOverrides.of(inv.paths()).directories().stream().filter(e -> !e.getValue().startsWith("/"))
                .forEach(e -> p.add(relativePath(e.getKey(), "", e.getValue(), inv.pos())));
        for (Host h : inv.hosts()) {
            h.paths().directories().stream().filter(e -> !e.getValue().startsWith("/"))
                    .forEach(e -> p.add(relativePath(e.getKey(), " of host " + h.name(), e.getValue(), h.pos("paths"))));
        }
    }

    /** The one message for a relative install path (also the planner's, for inventories not read from a file). */
    public static Problem relativePath(String key, String of, String path, SourcePos pos) {
        return Problem.error(pos, "paths." + key + of + " '" + path + "' is relative; kroll needs absolute paths",
                "write the absolute path, e.g. '/" + path + "' (a host with another layout gives its own 'paths:')");
    }

    private static void portInUse(Map<Integer, String> used, int port, String name, Host h, List<Problem> p) {
        String other = used.putIfAbsent(port, name);
        if (other != null) {
            p.add(Problem.error(h.pos("ports"), "ports " + other + " and " + name + " of " + display(h) + " are both " + port,
                    "give each service its own port"));
        }
    }

    private static void hostsAreDistinct(Inventory inv, List<Problem> p) {
        Map<String, Host> names = new HashMap<>();
        Map<String, Host> endpoints = new HashMap<>();
        Map<String, Host> servicePorts = new HashMap<>();
        for (Host h : inv.hosts()) {
            Host prev = names.putIfAbsent(h.name(), h);
            if (prev != null && !h.name().isEmpty()) {
                p.add(Problem.error(h.pos("name"), "host " + h.name() + " is listed twice" + firstAt(prev),
                        "remove one entry or rename it"));
                continue;
            }
            // Hosts may share an address only when they differ in SSH port and service ports (the sandbox without loopback aliases).
            Host sameEndpoint = endpoints.putIfAbsent(h.address() + ":" + h.ssh().port(), h);
            if (sameEndpoint != null) {
                p.add(Problem.error(h.pos("address"), "address " + h.address() + " of " + h.name() + " is also used by "
                        + sameEndpoint.name() + firstAt(sameEndpoint), "give each host its own address"));
                continue;
            }
            for (int port : List.of(h.ports().kafkaPlaintext(), h.ports().zookeeperClient())) {
                Host clash = servicePorts.putIfAbsent(h.address() + ":" + port, h);
                if (clash != null) {
                    p.add(Problem.error(h.pos("ports"), h.name() + " and " + clash.name() + " share address " + h.address()
                            + " and port " + port, "give each host its own address, or its own ports"));
                    break;
                }
            }
        }
    }

    private static void groupsExist(Inventory inv, List<Problem> p) {
        for (Host h : inv.hosts()) {
            for (String g : h.groups()) {
                if (!inv.groups().containsKey(g)) {
                    String hint = inv.groups().isEmpty() ? "define it under 'groups:'"
                            : DidYouMean.closest(g, inv.groups().keySet()).map(s -> "did you mean '" + s + "'?")
                            .orElse("define it under 'groups:' (defined: " + String.join(", ", inv.groups().keySet()) + ")");
                    p.add(Problem.error(h.pos("groups"), "host " + h.name() + " names unknown group '" + g + "'", hint));
                }
            }
        }
    }

    private static void rolesAreCovered(Inventory inv, List<Problem> p) {
        int zk = inv.hosts(Role.ZOOKEEPER).size();
        int kafka = inv.hosts(Role.KAFKA).size();
        if (zk == 0) {
            p.add(Problem.error(inv.pos(), "no host has the zookeeper role", "give 'zookeeper' to three (or five) hosts"));
        } else if (zk < Defaults.MIN_ZOOKEEPER_ENSEMBLE) {
            p.add(Problem.warning(inv.pos(), "the ZooKeeper ensemble has " + zk + " member" + (zk == 1 ? "" : "s")
                    + "; losing one stops the cluster", "use at least three ZooKeeper hosts"));
        } else if (zk % 2 == 0) {
            p.add(Problem.warning(inv.pos(), "the ZooKeeper ensemble has " + zk + " members; an even ensemble tolerates no more failures than "
                    + (zk - 1), "use an odd number of ZooKeeper hosts (3 or 5)"));
        }
        if (kafka == 0) {
            p.add(Problem.error(inv.pos(), "no host has the kafka role", "give 'kafka' to at least one host (three for replication)"));
        }
    }

    private static void pinnedIdsAreValid(Inventory inv, List<Problem> p) {
        Map<Integer, Host> brokerIds = new HashMap<>();
        Map<Integer, Host> myids = new HashMap<>();
        for (Host h : inv.hosts()) {
            if (h.brokerId() != null) {
                if (!h.has(Role.KAFKA)) {
                    p.add(Problem.warning(h.pos("broker_id"), h.name() + " pins broker_id but has no kafka role", "remove broker_id or add the role"));
                }
                Host prev = brokerIds.putIfAbsent(h.brokerId(), h);
                if (prev != null) {
                    p.add(Problem.error(h.pos("broker_id"), "broker_id " + h.brokerId() + " of " + h.name() + " is also pinned by "
                            + prev.name() + firstAt(prev), "give each broker its own id, or remove the pin to let kroll allocate one"));
                }
            }
            if (h.zookeeperId() != null) {
                if (h.zookeeperId() < 1 || h.zookeeperId() > 255) {
                    p.add(Problem.error(h.pos("zookeeper_id"), "zookeeper_id " + h.zookeeperId() + " of " + h.name()
                            + " is outside 1–255", "ZooKeeper's myid must be from 1 to 255"));
                    continue;
                }
                if (!h.has(Role.ZOOKEEPER)) {
                    p.add(Problem.warning(h.pos("zookeeper_id"), h.name() + " pins zookeeper_id but has no zookeeper role",
                            "remove zookeeper_id or add the role"));
                }
                Host prev = myids.putIfAbsent(h.zookeeperId(), h);
                if (prev != null) {
                    p.add(Problem.error(h.pos("zookeeper_id"), "zookeeper_id " + h.zookeeperId() + " of " + h.name()
                            + " is also pinned by " + prev.name() + firstAt(prev), "give each ZooKeeper server its own myid"));
                }
            }
        }
    }

    /** A size without unit is bytes: "memory: 32768" meant MiB, and would plan a heap of nothing. */
    private static void memoryIsPlausible(Inventory inv, List<Problem> p) {
        for (Host h : inv.hosts()) {
            if (h.memory() != null && h.memory().bytes() < MIN_MEMORY.bytes()) {
                p.add(Problem.error(h.pos("memory"), "memory of " + h.name() + " is " + h.memory().bytes() + " bytes, too little for"
                        + " Kafka or ZooKeeper", "a number without unit is bytes: write the unit, e.g. 32g or 32768m"));
            }
        }
    }

    private static void replicationFits(Inventory inv, List<Problem> p) {
        int brokers = inv.hosts(Role.KAFKA).size();
        if (brokers == 0) {
            return;
        }
        // kroll's own default is lowered by the planner to fit small clusters; only an explicit setting can be wrong.
        Setting rf = inv.broker().get("default.replication.factor");
        SourcePos pos = rf == null ? inv.pos() : rf.pos();
        int factor;
        try {
            factor = rf == null ? Defaults.DEFAULT_REPLICATION_FACTOR : Integer.parseInt(rf.value().trim());
        } catch (NumberFormatException e) {
            p.add(Problem.error(pos, "default.replication.factor must be a number, found '" + rf.value() + "'", "write e.g. 3"));
            return;
        }
        if (factor > brokers && rf != null) {
            p.add(Problem.error(pos, "default.replication.factor is " + factor + " but there " + (brokers == 1 ? "is" : "are")
                    + " only " + brokers + " broker" + (brokers == 1 ? "" : "s"), "lower it to " + brokers + " or add brokers"));
        } else if (factor < 3 && brokers >= 3) {
            p.add(Problem.warning(pos, "default.replication.factor is " + factor + " with " + brokers
                    + " brokers: one broker down leaves partitions without a spare copy",
                    "set 'broker: {default.replication.factor: 3, min.insync.replicas: 2}'"));
        }
    }

    private static String display(Host h) {
        return h.name().isEmpty() ? "(unnamed)" : h.name();
    }

    private static String firstAt(Host h) {
        return h.pos().line() > 0 ? " (line " + h.pos().line() + ")" : "";
    }
}
