package dev.kroll.inventory;

import dev.kroll.util.ByteSize;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.Setting;
import dev.kroll.util.SourcePos;
import dev.kroll.util.yaml.Fields;
import dev.kroll.util.yaml.YMap;
import dev.kroll.util.yaml.YNode;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads kroll's own inventory format ({@code cluster.yaml}, documented in docs/inventory.md). The
 * set of keys each mapping may hold is declared here, in one place.
 */
public final class KrollYaml {

    static final Set<String> TOP = Set.of("cluster", "ssh", "paths", "services", "ports", "heap", "broker", "zookeeper", "groups", "hosts",
            "monitoring", "firewall", "tls", "preflight");
    static final Set<String> PREFLIGHT = Set.of("accept");
    static final Set<String> ACCEPT = Set.of("check", "hosts", "reason");
    static final Set<String> MONITORING = Set.of("agent", "datadog_conf_dir", "exporter_jar", "exporter_port");
    static final Set<String> FIREWALL = Set.of("client_networks", "admin_hosts", "manager_port");
    static final Set<String> CLUSTER = Set.of("name", "zookeeper_chroot", "theme", "advertise");
    static final Set<String> SSH = Set.of("user", "port", "key", "become");
    static final Set<String> PATHS = Set.of("kafka_home", "config_dir", "secrets_dir", "zookeeper_data_dir", "log_dirs", "app_log_dir", "service_user");
    static final Set<String> SERVICES = Set.of("manager", "kafka", "zookeeper");
    static final Set<String> SERVICE = Set.of("unit", "start", "stop", "status");
    static final Set<String> PORTS = Set.of("zookeeper_client", "zookeeper_peer", "zookeeper_election", "zookeeper_admin",
            "kafka_plaintext", "kafka_ssl", "kafka_jmx", "zookeeper_jmx");
    static final Set<String> HEAP = Set.of("kafka", "zookeeper");
    static final Set<String> TLS = Set.of("keystore_type");
    static final Set<String> GROUP = Set.of("broker", "zookeeper");
    static final Set<String> HOST = Set.of("name", "address", "aliases", "roles", "rack", "groups", "broker_id", "zookeeper_id",
            "memory", "heap", "ssh", "ports", "paths", "broker", "zookeeper");

    private KrollYaml() {
    }

    /** Reads and validates; throws a {@link KrollException} (exit 2) listing every problem. */
    public static Inventory load(Path file) {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read(YamlTrees.read(file), file, problems);
        problems.addAll(InventoryValidator.validate(inv));
        InventoryValidator.throwIfErrors(problems);
        return inv;
    }

    /** Maps a parsed tree to an inventory, adding schema problems to {@code problems}. */
    public static Inventory read(YNode root, Path file, List<Problem> problems) {
        Fields top = new Fields(Fields.asMap(root, "the inventory", problems), "the inventory", TOP, problems);

        Fields cluster = new Fields(top.mapping("cluster").orElse(YMap.empty(top.pos())), "cluster", CLUSTER, problems);
        String name = cluster.string("name").orElse(null);
        if (name == null || name.isBlank()) {
            problems.add(Problem.error(top.has("cluster") ? cluster.pos() : SourcePos.of(file, 1, 1),
                    "the cluster has no name", "add 'cluster: {name: my-cluster}'"));
            name = "kafka";
        }

        SshSettings ssh = ssh(top.mapping("ssh"), "ssh", SshSettings.DEFAULT, problems);
        Ports ports = ports(top.mapping("ports"), "ports", Ports.DEFAULT, problems);
        Map<String, String> heap = heap(top.mapping("heap"), "heap", Map.of(), problems);

        Map<String, Group> groups = new LinkedHashMap<>();
        top.mapping("groups").ifPresent(gm -> gm.entries().values().forEach(e -> {
            Fields g = new Fields(Fields.asMap(e.value(), "group " + e.key(), problems), "group " + e.key(), GROUP, problems);
            groups.put(e.key(), new Group(e.key(), g.settings("broker"), g.settings("zookeeper"), e.keyPos()));
        }));

        List<Host> hosts = new ArrayList<>();
        top.list("hosts").ifPresent(list -> {
            for (YNode node : list.items()) {
                hosts.add(host(node, ssh, ports, heap, problems));
            }
        });

        Advertise advertise = Advertise.NAME;
        String adv = cluster.string("advertise", "name").toLowerCase(Locale.ROOT);
        switch (adv) {
            case "name" -> advertise = Advertise.NAME;
            case "address" -> advertise = Advertise.ADDRESS;
            default -> problems.add(Problem.error(cluster.pos("advertise"), "advertise must be 'name' or 'address', found '" + adv + "'",
                    "use 'name' when the host names resolve for clients, 'address' otherwise"));
        }
        return new Inventory(name, file, cluster.string("zookeeper_chroot").orElse(null), cluster.string("theme").orElse(null), advertise,
                paths(top.mapping("paths"), problems), services(top.mapping("services"), problems),
                top.settings("broker"), top.settings("zookeeper"), groups, hosts,
                monitoring(top.mapping("monitoring"), problems), firewall(top.mapping("firewall"), problems), tls(top.mapping("tls"), problems),
                preflight(top.mapping("preflight"), problems), SourcePos.file(file));
    }

    private static Host host(YNode node, SshSettings sshDefaults, Ports portDefaults, Map<String, String> heapDefaults,
                             List<Problem> problems) {
        YMap m = Fields.asMap(node, "a host entry", problems);
        String label = m.get("name").filter(n -> n instanceof dev.kroll.util.yaml.YScalar s && s.value() != null)
                .map(n -> "host " + ((dev.kroll.util.yaml.YScalar) n).value()).orElse("a host entry");
        Fields f = new Fields(m, label, HOST, problems);
        String name = f.string("name").orElse("");
        if (name.isBlank()) {
            problems.add(Problem.error(f.pos(), "a host has no name", "add 'name: <fqdn>' to this host"));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : f.strings("roles")) {
            Role.parse(r).ifPresentOrElse(roles::add, () -> problems.add(Problem.error(f.pos("roles"),
                    "unknown role '" + r + "' on " + label, Role.hint(r))));
        }
        ByteSize memory = null;
        if (f.has("memory")) {
            try {
                memory = ByteSize.parse(f.string("memory", ""));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.error(f.pos("memory"), "memory of " + label + ": " + e.getMessage(), "write e.g. 'memory: 32g'"));
            }
        }
        Map<String, SourcePos> positions = new LinkedHashMap<>();
        m.entries().values().forEach(e -> positions.put(e.key(), e.value().pos()));
        return new Host(name, f.string("address").orElse(name), f.strings("aliases"), roles, f.string("rack").orElse(null),
                f.strings("groups"),
                f.integer("broker_id", 0, Integer.MAX_VALUE).orElse(null),
                f.integer("zookeeper_id", Integer.MIN_VALUE, Integer.MAX_VALUE).orElse(null), // range checked by the validator
                memory, heap(f.mapping("heap"), "heap of " + label, heapDefaults, problems),
                ssh(f.mapping("ssh"), "ssh of " + label, sshDefaults, problems),
                ports(f.mapping("ports"), "ports of " + label, portDefaults, problems),
                pathOverrides(f.mapping("paths"), "paths of " + label, problems),
                f.settings("broker"), f.settings("zookeeper"), f.pos(), positions);
    }

    private static SshSettings ssh(java.util.Optional<YMap> map, String where, SshSettings base, List<Problem> problems) {
        if (map.isEmpty()) {
            return base;
        }
        Fields f = new Fields(map.get(), where, SSH, problems);
        SshSettings s = base;
        s = s.withUser(f.string("user", s.user()));
        s = s.withPort(f.integer("port", 1, 65535).orElse(s.port()));
        s = s.withKeyFile(f.string("key", s.keyFile()));
        return s.withBecome(f.bool("become").orElse(s.become()));
    }

    private static Ports ports(java.util.Optional<YMap> map, String where, Ports b, List<Problem> problems) {
        if (map.isEmpty()) {
            return b;
        }
        Fields f = new Fields(map.get(), where, PORTS, problems);
        return new Ports(
                f.integer("zookeeper_client", 1, 65535).orElse(b.zookeeperClient()),
                f.integer("zookeeper_peer", 1, 65535).orElse(b.zookeeperPeer()),
                f.integer("zookeeper_election", 1, 65535).orElse(b.zookeeperElection()),
                f.integer("zookeeper_admin", 0, 65535).orElse(b.zookeeperAdmin()),
                f.integer("kafka_plaintext", 1, 65535).orElse(b.kafkaPlaintext()),
                f.integer("kafka_ssl", 1, 65535).orElse(b.kafkaSsl()),
                f.integer("kafka_jmx", 1, 65535).orElse(b.kafkaJmx()),
                f.integer("zookeeper_jmx", 1, 65535).orElse(b.zookeeperJmx()));
    }

    private static Map<String, String> heap(java.util.Optional<YMap> map, String where, Map<String, String> base, List<Problem> problems) {
        Map<String, String> out = new LinkedHashMap<>(base);
        map.ifPresent(m -> {
            Fields f = new Fields(m, where, HEAP, problems);
            for (String role : HEAP) {
                f.string(role).ifPresent(v -> {
                    try {
                        ByteSize.parse(v);
                        out.put(role, v);
                    } catch (IllegalArgumentException e) {
                        problems.add(Problem.error(f.pos(role), role + " " + where + ": " + e.getMessage(), "write e.g. '" + role + ": 4g'"));
                    }
                });
            }
        });
        return out;
    }

    private static TlsSettings tls(java.util.Optional<YMap> map, List<Problem> problems) {
        if (map.isEmpty()) {
            return TlsSettings.DEFAULT;
        }
        Fields f = new Fields(map.get(), "tls", TLS, problems);
        String type = f.string("keystore_type", TlsSettings.DEFAULT.keystoreType().name());
        return KeystoreType.parse(type).map(TlsSettings::new).orElseGet(() -> {
            problems.add(Problem.error(f.pos("keystore_type"), "tls.keystore_type must be PKCS12, JKS or PEM, found '" + type + "'",
                    "use PKCS12 (the default) unless your tooling needs JKS or PEM"));
            return TlsSettings.DEFAULT;
        });
    }

    /** {@code preflight: {accept: [{check, hosts, reason}]}}: findings accepted on purpose, each with its reason. */
    private static List<PreflightAcceptance> preflight(java.util.Optional<YMap> map, List<Problem> problems) {
        List<PreflightAcceptance> out = new ArrayList<>();
        if (map.isEmpty()) {
            return out;
        }
        Fields f = new Fields(map.get(), "preflight", PREFLIGHT, problems);
        f.list("accept").ifPresent(list -> {
            for (YNode node : list.items()) {
                Fields a = new Fields(Fields.asMap(node, "an entry of preflight.accept", problems), "preflight.accept", ACCEPT, problems);
                String id = a.string("check").orElse("");
                java.util.Optional<PreflightCheck> check = PreflightCheck.parse(id);
                if (id.isBlank()) {
                    problems.add(Problem.error(a.pos(), "a preflight.accept entry names no check",
                            "add 'check: <id>', one of " + String.join(", ", PreflightCheck.ids())));
                } else if (check.isEmpty()) {
                    problems.add(Problem.error(a.pos("check"), "unknown preflight check '" + id + "'",
                            dev.kroll.util.DidYouMean.closest(id, PreflightCheck.ids()).map(s -> "did you mean '" + s + "'?")
                                    .orElse("checks are " + String.join(", ", PreflightCheck.ids()))));
                }
                String reason = a.string("reason").orElse("").trim();
                if (reason.isEmpty()) {
                    problems.add(Problem.error(a.pos(), "accepting preflight check '" + id + "' needs a reason",
                            "add 'reason: ...' saying why this finding is acceptable on these hosts"));
                }
                check.ifPresent(c -> out.add(new PreflightAcceptance(c, a.strings("hosts"), reason, a.pos())));
            }
        });
        return out;
    }

    private static InstallPaths paths(java.util.Optional<YMap> map, List<Problem> problems) {
        return pathOverrides(map, "paths", problems).over(InstallPaths.DEFAULT);
    }

    /** The keys given in a {@code paths:} mapping (the cluster's or a host's); the rest stay null. */
    private static PathOverrides pathOverrides(java.util.Optional<YMap> map, String where, List<Problem> problems) {
        if (map.isEmpty()) {
            return PathOverrides.NONE;
        }
        Fields f = new Fields(map.get(), where, PATHS, problems);
        return new PathOverrides(f.string("kafka_home").orElse(null), f.string("config_dir").orElse(null),
                f.string("secrets_dir").orElse(null), f.string("zookeeper_data_dir").orElse(null), f.strings("log_dirs"),
                f.string("app_log_dir").orElse(null), f.string("service_user").orElse(null));
    }

    private static Services services(java.util.Optional<YMap> map, List<Problem> problems) {
        Services d = Services.DEFAULT;
        if (map.isEmpty()) {
            return d;
        }
        Fields f = new Fields(map.get(), "services", SERVICES, problems);
        ServiceManager manager = d.manager();
        if (f.has("manager")) {
            String m = f.string("manager", "").toLowerCase(Locale.ROOT);
            switch (m) {
                case "systemd" -> manager = ServiceManager.SYSTEMD;
                case "script" -> manager = ServiceManager.SCRIPT;
                default -> problems.add(Problem.error(f.pos("manager"), "unknown service manager '" + m + "'",
                        "use 'systemd' or 'script'"));
            }
        }
        ServiceControl kafka = control(f, "kafka", d.kafka(), manager, problems);
        ServiceControl zk = control(f, "zookeeper", d.zookeeper(), manager, problems);
        return new Services(manager, kafka, zk);
    }

    private static ServiceControl control(Fields services, String key, ServiceControl d, ServiceManager manager, List<Problem> problems) {
        Fields f = new Fields(services.mapping(key).orElse(YMap.empty(services.pos(key))), "services." + key, SERVICE, problems);
        ServiceControl c = new ServiceControl(f.string("unit", d.unit()), f.string("start").orElse(null),
                f.string("stop").orElse(null), f.string("status").orElse(null));
        if (manager == ServiceManager.SCRIPT) {
            for (String cmd : List.of("start", "stop", "status")) {
                if (!f.has(cmd)) {
                    problems.add(Problem.error(services.pos(key), "services.manager is 'script' but services." + key + "." + cmd + " is missing",
                            cmd.equals("status") ? "give the command that exits 0 when " + key + " runs on a host"
                                    : "give the command that " + cmd + "s " + key + " on a host"));
                }
            }
        }
        return c;
    }

    private static Monitoring monitoring(java.util.Optional<YMap> map, List<Problem> problems) {
        Monitoring d = Monitoring.DEFAULT;
        if (map.isEmpty()) {
            return d;
        }
        Fields f = new Fields(map.get(), "monitoring", MONITORING, problems);
        Monitoring.Agent agent = d.agent();
        String a = f.string("agent", "none").toLowerCase(Locale.ROOT);
        switch (a) {
            case "none" -> agent = Monitoring.Agent.NONE;
            case "datadog" -> agent = Monitoring.Agent.DATADOG;
            case "prometheus" -> agent = Monitoring.Agent.PROMETHEUS;
            default -> problems.add(Problem.error(f.pos("agent"), "unknown monitoring agent '" + a + "'",
                    "use 'datadog', 'prometheus' or 'none'"));
        }
        return new Monitoring(agent, f.string("datadog_conf_dir", d.datadogConfDir()), f.string("exporter_jar", d.exporterJar()),
                f.integer("exporter_port", 1, 65535).orElse(d.exporterPort()));
    }

    private static Firewall firewall(java.util.Optional<YMap> map, List<Problem> problems) {
        if (map.isEmpty()) {
            return Firewall.DEFAULT;
        }
        Fields f = new Fields(map.get(), "firewall", FIREWALL, problems);
        List<String> networks = f.strings("client_networks");
        for (String n : networks) {
            if (!HostNames.isCidr(n)) {
                problems.add(Problem.error(f.pos("client_networks"), "client network '" + n + "' is not an address or CIDR block",
                        "write e.g. 10.20.0.0/16"));
            }
        }
        List<String> admins = f.strings("admin_hosts");
        for (String n : admins) {
            if (!HostNames.isCidr(n)) {
                problems.add(Problem.error(f.pos("admin_hosts"), "admin host '" + n + "' is not an IP address or CIDR block",
                        "write the jump host's address, e.g. 10.0.0.5"));
            }
        }
        return new Firewall(networks, admins, f.integer("manager_port", 0, 65535).orElse(0));
    }

    /** Settings as plain strings (for writers and tests). */
    public static Map<String, String> values(Map<String, Setting> settings) {
        Map<String, String> out = new LinkedHashMap<>();
        settings.forEach((k, v) -> out.put(k, v.value()));
        return out;
    }
}
