package dev.kroll.inventory.importer;

import dev.kroll.util.DidYouMean;
import dev.kroll.util.Problem;
import dev.kroll.util.yaml.YMap;
import dev.kroll.util.yaml.YNode;
import dev.kroll.util.yaml.YScalar;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Ansible's YAML inventory format: top-level groups (usually {@code all}), each a mapping of
 * {@code hosts} (host pattern → vars), {@code vars} and {@code children} (group name → group).
 * Line and column come from the YAML parser.
 */
final class AnsibleYaml {

    private static final Set<String> GROUP_KEYS = Set.of("hosts", "vars", "children");

    private AnsibleYaml() {
    }

    static AnsibleInventory parse(String text, Path file, List<Problem> problems) {
        YNode root = YamlTrees.parse(text, file);
        AnsibleInventory inv = new AnsibleInventory(root.pos());
        if (root instanceof YScalar s && s.value() == null) {
            return inv;
        }
        if (!(root instanceof YMap top)) {
            problems.add(Problem.error(root.pos(), "an Ansible YAML inventory must be a mapping of groups, found " + root.kind(),
                    "start with 'all:' and put groups under 'children:'"));
            return inv;
        }
        for (YMap.Entry e : top.entries().values()) {
            group(inv, e, null, problems);
        }
        return inv;
    }

    private static void group(AnsibleInventory inv, YMap.Entry entry, AnsibleInventory.Group parent, List<Problem> problems) {
        AnsibleInventory.Group g = inv.group(entry.key(), entry.keyPos());
        g.defined = true;
        if (parent != null) {
            parent.children.put(g.name, entry.keyPos());
        }
        YNode body = entry.value();
        if (body instanceof YScalar s && s.value() == null) {
            return;
        }
        if (!(body instanceof YMap m)) {
            problems.add(Problem.error(body.pos(), "group " + g.name + " must be a mapping with hosts, vars or children, found " + body.kind(),
                    "indent 'hosts:' under '" + g.name + ":'"));
            return;
        }
        for (YMap.Entry e : m.entries().values()) {
            if (!GROUP_KEYS.contains(e.key())) {
                String hint = DidYouMean.closest(e.key(), GROUP_KEYS).map(s -> "did you mean '" + s + "'?")
                        .orElse("a group holds 'hosts:', 'vars:' and 'children:'; put groups under 'children:'");
                problems.add(Problem.error(e.keyPos(), "unknown key '" + e.key() + "' in group " + g.name, hint));
            }
        }
        m.get("vars").ifPresent(v -> vars(v, "group " + g.name, g.vars, problems));
        m.get("hosts").ifPresent(h -> hosts(inv, g, h, problems));
        m.get("children").ifPresent(c -> {
            if (c instanceof YMap cm) {
                cm.entries().values().forEach(ce -> group(inv, ce, g, problems));
            } else if (!(c instanceof YScalar s && s.value() == null)) {
                problems.add(Problem.error(c.pos(), "children of group " + g.name + " must be a mapping of group names, found " + c.kind(),
                        "write each child as 'name:' on its own line"));
            }
        });
    }

    private static void hosts(AnsibleInventory inv, AnsibleInventory.Group g, YNode node, List<Problem> problems) {
        if (node instanceof YScalar s && s.value() == null) {
            return;
        }
        if (!(node instanceof YMap m)) {
            problems.add(Problem.error(node.pos(), "hosts of group " + g.name + " must be a mapping (host name: vars), found " + node.kind(),
                    "write each host as 'name:' on its own line, without '- '"));
            return;
        }
        for (YMap.Entry e : m.entries().values()) {
            List<String> names;
            try {
                names = AnsibleHostPattern.expand(e.key());
            } catch (IllegalArgumentException ex) {
                problems.add(Problem.error(e.keyPos(), ex.getMessage(), "write a range as [1:3], [01:10] or [a:c]"));
                continue;
            }
            for (String name : names) {
                AnsibleInventory.HostVars h = inv.host(name, e.keyPos());
                g.hosts.add(name);
                vars(e.value(), "host " + e.key(), h.vars, problems);
            }
        }
    }

    private static void vars(YNode node, String owner, Map<String, AnsibleInventory.Var> into, List<Problem> problems) {
        if (node instanceof YScalar s && s.value() == null) {
            return;
        }
        if (!(node instanceof YMap m)) {
            problems.add(Problem.error(node.pos(), "vars of " + owner + " must be a mapping (name: value), found " + node.kind(),
                    "write each variable as 'name: value'"));
            return;
        }
        for (YMap.Entry e : m.entries().values()) {
            if (e.value() instanceof YScalar s && s.value() == null) {
                continue; // 'name:' with nothing after it sets nothing kroll reads
            }
            String value = e.value() instanceof YScalar s ? s.value() : null;
            into.put(e.key(), new AnsibleInventory.Var(value, e.value().pos(), owner));
        }
    }
}
