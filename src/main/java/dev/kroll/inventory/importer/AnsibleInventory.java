package dev.kroll.inventory.importer;

import dev.kroll.util.SourcePos;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An Ansible inventory as written, before kroll interprets it: groups with their hosts, child
 * groups and vars, and hosts with their own vars. Both the INI and the YAML reader fill this in.
 */
final class AnsibleInventory {

    /**
     * A variable's value (null when it is a list or mapping, which kroll never needs), where it was set,
     * and by whom for messages ({@code group kafka_broker}, {@code host kafka[1:3].example.com}).
     */
    record Var(String value, SourcePos pos, String owner) {
    }

    static final class Group {
        final String name;
        SourcePos pos;
        final Map<String, Var> vars = new LinkedHashMap<>();
        final Set<String> hosts = new LinkedHashSet<>();
        /** Child group names, each with the line that made it a child. */
        final Map<String, SourcePos> children = new LinkedHashMap<>();
        /** False while the group is only named (as a child or by a vars section), never defined itself. */
        boolean defined;

        Group(String name, SourcePos pos) {
            this.name = name;
            this.pos = pos;
        }
    }

    static final class HostVars {
        final String name;
        final SourcePos pos;
        final Map<String, Var> vars = new LinkedHashMap<>();

        HostVars(String name, SourcePos pos) {
            this.name = name;
            this.pos = pos;
        }
    }

    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, HostVars> hosts = new LinkedHashMap<>();

    AnsibleInventory(SourcePos start) {
        group("all", start).defined = true;
    }

    Group group(String name, SourcePos pos) {
        return groups.computeIfAbsent(name, n -> new Group(n, pos));
    }

    HostVars host(String name, SourcePos pos) {
        return hosts.computeIfAbsent(name, n -> new HostVars(n, pos));
    }
}
