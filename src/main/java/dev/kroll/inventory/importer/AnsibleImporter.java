package dev.kroll.inventory.importer;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.DidYouMean;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports an Ansible inventory (INI or YAML). Hosts in the ZooKeeper group (default {@code zookeeper})
 * get the zookeeper role, hosts in the Kafka group (default {@code kafka_broker}) the kafka role,
 * membership counting through {@code children}. Vars are resolved with Ansible's precedence (all,
 * then parent groups before child groups, then the host's own) and mapped to kroll's fields. Other
 * groups are not carried over as kroll groups: kroll groups hold broker/ZooKeeper property overrides,
 * which Ansible inventories do not express in any one way; their vars still reach the hosts.
 */
public final class AnsibleImporter implements InventoryImporter {

    /** Ansible vars kroll reads, by kroll field; the first name set wins within one place. */
    static final Map<String, List<String>> VARS = new LinkedHashMap<>();

    static {
        VARS.put("address", List.of("ansible_host", "ansible_ssh_host"));
        VARS.put("ssh_user", List.of("ansible_user", "ansible_ssh_user"));
        VARS.put("ssh_port", List.of("ansible_port", "ansible_ssh_port"));
        VARS.put("ssh_key", List.of("ansible_ssh_private_key_file", "ansible_private_key_file"));
        VARS.put("become", List.of("ansible_become"));
        VARS.put("broker_id", List.of("broker_id"));
        VARS.put("zookeeper_id", List.of("zookeeper_id", "zookeeper_myid", "myid"));
        VARS.put("rack", List.of("rack", "broker_rack"));
        VARS.put("memory", List.of("memory"));
    }

    @Override
    public Inventory read(String source, ImportOptions options, List<Problem> problems) {
        Path file = Path.of(source);
        String text = ImportValues.readText(file);
        AnsibleInventory ai = isYaml(file, text) ? AnsibleYaml.parse(text, file, problems) : AnsibleIni.parse(text, file, problems);
        String cluster = ImportValues.clusterName(options, file);
        SourcePos filePos = SourcePos.file(file);
        if (problems.stream().anyMatch(Problem::isError)) {
            return ImportValues.inventory(cluster, filePos, List.of());
        }
        Map<String, Integer> depth = depths(ai, problems);
        Set<String> zk = members(ai, options.zookeeperGroup(), "--zookeeper-group", filePos, problems);
        Set<String> kafka = members(ai, options.kafkaGroup(), "--kafka-group", filePos, problems);
        if (zk == null || kafka == null || depth == null) {
            return ImportValues.inventory(cluster, filePos, List.of());
        }
        List<Host> hosts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<SourcePos> reported = new java.util.HashSet<>();
        for (AnsibleInventory.HostVars h : ai.hosts.values()) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (zk.contains(h.name)) {
                roles.add(Role.ZOOKEEPER);
            }
            if (kafka.contains(h.name)) {
                roles.add(Role.KAFKA);
            }
            if (roles.isEmpty()) {
                skipped.add(h.name);
                continue;
            }
            HostBuilder b = new HostBuilder(h.name, h.pos).roles(roles, h.pos);
            apply(b, resolve(ai, h, depth), reported, problems);
            hosts.add(b.build());
        }
        if (!skipped.isEmpty()) {
            problems.add(Problem.note(filePos, "skipped " + skipped.size() + " host" + (skipped.size() == 1 ? "" : "s")
                    + " in neither '" + options.zookeeperGroup() + "' nor '" + options.kafkaGroup() + "': " + abbreviate(skipped),
                    "name other groups with --zookeeper-group/--kafka-group"));
        }
        return ImportValues.inventory(cluster, filePos, hosts);
    }

    /** YAML by extension, else by content: a first line like {@code all:} or {@code ---}. */
    static boolean isYaml(Path file, String text) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json")) {
            return true;
        }
        for (String line : text.split("\r?\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                continue;
            }
            return l.equals("---") || l.matches("[A-Za-z0-9_-]+:\\s*(#.*)?") || l.startsWith("{");
        }
        return false;
    }

    /** Every host of a group, through its children; null (with a problem) when the group is not in the inventory. */
    private static Set<String> members(AnsibleInventory ai, String group, String option, SourcePos filePos, List<Problem> problems) {
        AnsibleInventory.Group g = ai.groups.get(group);
        if (g == null || !g.defined) {
            List<String> names = ai.groups.values().stream().filter(x -> x.defined).map(x -> x.name)
                    .filter(n -> !n.equals("all") && !n.equals("ungrouped")).toList();
            String hint = DidYouMean.closest(group, names).map(s -> "did you mean " + option + " " + s + "?")
                    .orElse(names.isEmpty() ? "the inventory defines no groups" : "pass " + option + " with one of: " + String.join(", ", names));
            problems.add(Problem.error(filePos, "the inventory has no group '" + group + "'", hint));
            return null;
        }
        Set<String> hosts = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(group));
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            AnsibleInventory.Group x = ai.groups.get(todo.pop());
            if (x == null || !seen.add(x.name)) {
                continue;
            }
            hosts.addAll(x.hosts);
            todo.addAll(x.children.keySet());
        }
        if (group.equals("all")) {
            hosts.addAll(ai.hosts.keySet());
        }
        if (hosts.isEmpty()) {
            problems.add(Problem.error(g.pos, "group '" + group + "' has no hosts", "list the hosts under [" + group + "]"));
        }
        return hosts;
    }

    /**
     * Each group's depth below {@code all} (Ansible applies group vars shallow to deep); reports
     * children that were never defined and cycles. Null when the nesting is unusable.
     */
    private static Map<String, Integer> depths(AnsibleInventory ai, List<Problem> problems) {
        Map<String, Set<String>> parents = new HashMap<>();
        for (AnsibleInventory.Group g : ai.groups.values()) {
            for (Map.Entry<String, SourcePos> c : g.children.entrySet()) {
                parents.computeIfAbsent(c.getKey(), k -> new LinkedHashSet<>()).add(g.name);
                AnsibleInventory.Group child = ai.groups.get(c.getKey());
                if (!child.defined) {
                    List<String> defined = ai.groups.values().stream().filter(x -> x.defined).map(x -> x.name).toList();
                    problems.add(Problem.warning(c.getValue(), "group " + g.name + " names child group '" + c.getKey()
                            + "', which has no hosts or vars", DidYouMean.closest(c.getKey(), defined)
                            .map(s -> "did you mean '" + s + "'?").orElse("define [" + c.getKey() + "] or remove the line")));
                }
            }
        }
        for (AnsibleInventory.Group g : ai.groups.values()) {
            if (!g.defined && !parents.containsKey(g.name)) {
                problems.add(Problem.warning(g.pos, "[" + g.name + ":vars] sets vars of a group that has no hosts", "define [" + g.name
                        + "] with its hosts, or remove the section"));
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        for (String g : ai.groups.keySet()) {
            if (depth(g, parents, depth, new LinkedHashSet<>(), ai, problems) < 0) {
                return null;
            }
        }
        return depth;
    }

    private static int depth(String g, Map<String, Set<String>> parents, Map<String, Integer> depth, Set<String> path,
                             AnsibleInventory ai, List<Problem> problems) {
        if (g.equals("all")) {
            return 0;
        }
        Integer known = depth.get(g);
        if (known != null) {
            return known;
        }
        if (!path.add(g)) {
            problems.add(Problem.error(ai.groups.get(g).pos, "groups contain each other: " + String.join(" → ", path) + " → " + g,
                    "remove one of the :children lines"));
            return -1;
        }
        int d = 1;
        for (String p : parents.getOrDefault(g, Set.of())) {
            int pd = depth(p, parents, depth, path, ai, problems);
            if (pd < 0) {
                return -1;
            }
            d = Math.max(d, pd + 1);
        }
        path.remove(g);
        depth.put(g, d);
        return d;
    }

    /** The host's vars after Ansible's precedence: all, groups by depth then name, the host's own. */
    private static Map<String, AnsibleInventory.Var> resolve(AnsibleInventory ai, AnsibleInventory.HostVars h, Map<String, Integer> depth) {
        List<AnsibleInventory.Group> groups = new ArrayList<>();
        for (AnsibleInventory.Group g : ai.groups.values()) {
            if (g.name.equals("all") || contains(ai, g, h.name, new LinkedHashSet<>())) {
                groups.add(g);
            }
        }
        groups.sort(Comparator.comparingInt((AnsibleInventory.Group g) -> g.name.equals("all") ? 0 : depth.get(g.name))
                .thenComparing(g -> g.name));
        Map<String, AnsibleInventory.Var> vars = new LinkedHashMap<>();
        groups.forEach(g -> vars.putAll(g.vars));
        vars.putAll(h.vars);
        return vars;
    }

    private static boolean contains(AnsibleInventory ai, AnsibleInventory.Group g, String host, Set<String> seen) {
        if (!seen.add(g.name)) {
            return false;
        }
        if (g.hosts.contains(host)) {
            return true;
        }
        for (String c : g.children.keySet()) {
            if (contains(ai, ai.groups.get(c), host, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Maps the vars kroll reads; a bad value shared by many hosts (a group var, a host range) is reported once. */
    private static void apply(HostBuilder b, Map<String, AnsibleInventory.Var> vars, Set<SourcePos> reported, List<Problem> all) {
        for (Map.Entry<String, List<String>> field : VARS.entrySet()) {
            String varName = field.getValue().stream().filter(vars::containsKey).findFirst().orElse(null);
            if (varName == null) {
                continue;
            }
            AnsibleInventory.Var var = vars.get(varName);
            SourcePos at = var.pos();
            String what = varName + " of " + var.owner();
            List<Problem> problems = new ArrayList<>();
            if (var.value() == null) {
                if (reported.add(at)) {
                    all.add(Problem.error(at, what + " must be a single value, found a list or mapping", "write it as '" + varName + ": value'"));
                }
                continue;
            }
            String v = var.value().strip();
            if (v.contains("{{") || v.contains("{%")) {
                if (reported.add(at)) {
                    all.add(Problem.error(at, what + " is a Jinja template ('" + v + "'), which kroll does not evaluate",
                            "write the value itself"));
                }
                continue;
            }
            switch (field.getKey()) {
                case "address" -> b.address(v, at);
                case "ssh_user" -> b.sshUser(v, at);
                case "ssh_port" -> {
                    Integer port = ImportValues.integer(v, 1, 65535, at, what, problems);
                    if (port != null) {
                        b.sshPort(port, at);
                    }
                }
                case "ssh_key" -> b.sshKey(v, at);
                case "become" -> b.sshBecome(List.of("true", "yes", "on", "1").contains(v.toLowerCase(Locale.ROOT)), at);
                case "broker_id" -> b.brokerId(ImportValues.integer(v, 0, Integer.MAX_VALUE, at, what, problems), at);
                case "zookeeper_id" -> b.zookeeperId(ImportValues.integer(v, Integer.MIN_VALUE, Integer.MAX_VALUE, at, what, problems), at);
                case "rack" -> b.rack(v, at);
                case "memory" -> b.memory(ImportValues.memory(v, at, what, problems), at);
                default -> throw new IllegalStateException(field.getKey());
            }
            if (!problems.isEmpty() && reported.add(at)) {
                all.addAll(problems);
            }
        }
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
    }
}
