package dev.kroll.inventory.importer;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.HostNames;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain list, one host per line: {@code name [address] [role...]}, {@code #} comments, blank lines.
 * Roles are {@code zookeeper}/{@code kafka} (or zk/broker), separated by spaces, commas, ';' or '|'.
 *
 * <p>What a line without a role means: when no line of the file names a role, every host runs both
 * ZooKeeper and Kafka, as small co-located clusters do, and a note says so. When some lines name roles,
 * a line without one is an error, because "the rest are brokers" and "the rest run both" are equally
 * plausible readings and kroll does not guess. A line in /etc/hosts order (address first, then the
 * name) is read the same way.
 */
public final class HostListImporter implements InventoryImporter {

    private static final Pattern TOKEN = Pattern.compile("[^\\s,;|]+");

    private record Line(HostBuilder host, boolean named) {
    }

    @Override
    public Inventory read(String source, ImportOptions options, List<Problem> problems) {
        Path file = Path.of(source);
        String[] lines = ImportValues.readText(file).split("\r?\n", -1);
        List<Line> parsed = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Line l = line(lines[i], file, i + 1, problems);
            if (l != null) {
                parsed.add(l);
            }
        }
        boolean anyRoles = parsed.stream().anyMatch(Line::named);
        List<String> both = new ArrayList<>();
        List<Host> hosts = new ArrayList<>();
        for (Line l : parsed) {
            if (!l.named()) {
                if (anyRoles) {
                    problems.add(Problem.error(l.host().pos, "host " + l.host().name + " has no role, while other lines name roles",
                            "add 'kafka', 'zookeeper' or both after the name (or the address)"));
                } else {
                    l.host().roles(EnumSet.allOf(Role.class), null);
                    both.add(l.host().name);
                }
            }
            hosts.add(l.host().build());
        }
        if (!both.isEmpty()) {
            problems.add(Problem.note(SourcePos.file(file), "no line names a role, so all " + both.size()
                    + " hosts run both ZooKeeper and Kafka (co-located)",
                    "to split them, put 'zookeeper' or 'kafka' after each name"));
        }
        return ImportValues.inventory(ImportValues.clusterName(options, file), SourcePos.file(file), hosts);
    }

    private static Line line(String text, Path file, int lineNo, List<Problem> problems) {
        int hash = text.indexOf('#');
        String content = hash >= 0 ? text.substring(0, hash) : text;
        List<String> words = new ArrayList<>();
        List<SourcePos> at = new ArrayList<>();
        Matcher m = TOKEN.matcher(content);
        while (m.find()) {
            words.add(m.group());
            at.add(SourcePos.of(file, lineNo, m.start() + 1));
        }
        if (words.isEmpty()) {
            return null;
        }
        int nameIndex = 0;
        // /etc/hosts order: "10.0.0.11 kafka1.example.com kafka"
        if (words.size() > 1 && HostNames.isIp(words.get(0)) && !ImportValues.isRoleWord(words.get(1))
                && HostNames.isHostname(words.get(1))) {
            nameIndex = 1;
        }
        HostBuilder b = new HostBuilder(words.get(nameIndex), at.get(nameIndex));
        if (nameIndex == 1) {
            b.address(words.get(0), at.get(0));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = nameIndex + 1; i < words.size(); i++) {
            String w = words.get(i);
            if (ImportValues.isRoleWord(w)) {
                roles.add(Role.parse(w).orElseThrow());
                b.roles(roles, at.get(i));
            } else if (w.contains("=")) {
                problems.add(Problem.error(at.get(i), "'" + w + "': the host list takes a name, an address and roles only",
                        "use --from csv for racks, IDs and SSH settings, or add them to the written cluster.yaml"));
            } else if (!b.hasAddress() && (roles.isEmpty() || HostNames.looksNumeric(w))) {
                b.address(w, at.get(i));
            } else {
                problems.add(Problem.error(at.get(i), "unknown role '" + w + "' of host " + b.name, ImportValues.roleHint(w)));
            }
        }
        return new Line(b, !roles.isEmpty());
    }
}
