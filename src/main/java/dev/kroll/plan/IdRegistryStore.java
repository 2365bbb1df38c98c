package dev.kroll.plan;

import dev.kroll.inventory.Inventory;
import dev.kroll.util.Files2;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import dev.kroll.util.yaml.Fields;
import dev.kroll.util.yaml.YMap;
import dev.kroll.util.yaml.YNode;
import dev.kroll.util.yaml.YScalar;
import dev.kroll.util.yaml.YamlTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The ID registry's file, {@code .kroll/ids.yaml}: the one place in {@code plan} that does I/O. Writes
 * are atomic (temp file + rename, 0600 in a 0700 directory), so a crash leaves the old registry or the
 * new one, never a torn file; a malformed file is refused with its line rather than guessed at.
 */
public final class IdRegistryStore {

    public static final String FILE_NAME = "ids.yaml";
    static final int FORMAT = 1;
    private static final Set<String> TOP = Set.of("format", "cluster", "broker", "zookeeper");
    private static final Set<String> TABLE = Set.of("assigned", "retired");
    private static final String REPAIR = "restore it from a backup or correct this line; deleting it would let kroll renumber brokers";

    private final Path file;

    public IdRegistryStore(Path stateDir) {
        this.file = stateDir.resolve(FILE_NAME);
    }

    public static IdRegistryStore of(Inventory inv) {
        return new IdRegistryStore(inv.stateDir());
    }

    public Path file() {
        return file;
    }

    /** The registry, or an empty one when the file does not exist yet. Throws (exit 2) when it is malformed. */
    public IdRegistry load(String cluster) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return IdRegistry.empty(cluster);
        } catch (IOException e) {
            throw KrollException.failure(file + ": cannot read the ID registry (" + e.getMessage() + ")", e);
        }
        return parse(text, file, cluster);
    }

    public void save(IdRegistry registry) {
        try {
            Files2.privateDir(file.getParent());
            Files2.writeAtomically(file, format(registry).getBytes(StandardCharsets.UTF_8), Files2.OWNER_ONLY);
        } catch (IOException e) {
            throw KrollException.failure(file + ": cannot write the ID registry (" + e.getMessage() + "); the previous one is unchanged", e);
        }
    }

    static IdRegistry parse(String text, Path file, String cluster) {
        YNode root = YamlTrees.parse(text, file);
        List<Problem> problems = new ArrayList<>();
        Fields top = new Fields(Fields.asMap(root, "the ID registry", problems), "the ID registry", TOP, problems);
        int format = top.integer("format", 1, Integer.MAX_VALUE).orElse(FORMAT);
        if (format > FORMAT) {
            throw KrollException.badInput(Problem.error(top.pos("format"), "the ID registry has format " + format
                    + ", written by a newer kroll", "use that kroll version, or a newer one than this"));
        }
        String owner = top.string("cluster").orElse(null);
        if (owner == null) {
            problems.add(Problem.error(top.pos(), "the ID registry names no cluster", REPAIR));
        } else if (!owner.equals(cluster)) {
            problems.add(Problem.error(top.pos("cluster"), "this ID registry belongs to cluster '" + owner + "', not '" + cluster + "'",
                    "keep each cluster's inventory in its own directory (the registry lives in .kroll/ beside it)"));
        }
        IdTable broker = table(top, IdKind.BROKER, problems);
        IdTable zookeeper = table(top, IdKind.ZOOKEEPER, problems);
        if (!problems.isEmpty()) {
            throw KrollException.badInput(problems);
        }
        return new IdRegistry(cluster, broker, zookeeper);
    }

    private static IdTable table(Fields top, IdKind kind, List<Problem> problems) {
        String key = kind == IdKind.BROKER ? "broker" : "zookeeper";
        Fields t = new Fields(top.mapping(key).orElse(YMap.empty(top.pos())), key, TABLE, problems);
        Map<String, Integer> assigned = new TreeMap<>();
        Map<Integer, String> retired = new TreeMap<>();
        Map<Integer, String> seen = new HashMap<>();
        t.mapping("assigned").ifPresent(m -> m.entries().values().forEach(e -> {
            Integer id = id(e.value(), kind, problems);
            if (id != null && unique(id, e.key(), e.value().pos(), seen, kind, problems)) {
                assigned.put(e.key(), id);
            }
        }));
        t.mapping("retired").ifPresent(m -> m.entries().values().forEach(e -> {
            Integer id = id(new YScalar(e.key(), e.keyPos()), kind, problems);
            String host = e.value() instanceof YScalar s ? s.value() : null;
            if (host == null || host.isBlank()) {
                problems.add(Problem.error(e.value().pos(), "retired " + kind.property() + " " + e.key() + " names no host", REPAIR));
            } else if (id != null && unique(id, host, e.keyPos(), seen, kind, problems)) {
                retired.put(id, host);
            }
        }));
        return new IdTable(new TreeMap<>(assigned), new TreeMap<>(retired));
    }

    private static Integer id(YNode node, IdKind kind, List<Problem> problems) {
        String text = node instanceof YScalar s ? s.value() : null;
        try {
            int id = Integer.parseInt(text == null ? "" : text.trim());
            int max = kind == IdKind.BROKER ? Integer.MAX_VALUE : kind.max();
            if (id >= kind.min() && id <= max) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(Problem.error(node.pos(), "'" + text + "' is not a valid " + kind.property() + " in the ID registry", REPAIR));
        return null;
    }

    private static boolean unique(int id, String host, SourcePos pos, Map<Integer, String> seen, IdKind kind, List<Problem> problems) {
        String other = seen.putIfAbsent(id, host);
        if (other != null && !other.equals(host)) {
            problems.add(Problem.error(pos, kind.property() + " " + id + " is registered to both " + other + " and " + host, REPAIR));
            return false;
        }
        return true;
    }

    /** The file's text: deterministic, so an unchanged registry is byte-identical. */
    static String format(IdRegistry registry) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("cluster", registry.cluster());
        for (IdKind kind : IdKind.values()) {
            IdTable t = registry.table(kind);
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("assigned", new TreeMap<>(t.assigned()));
            table.put("retired", new TreeMap<>(t.retired()));
            doc.put(kind == IdKind.BROKER ? "broker" : "zookeeper", table);
        }
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2).setWidth(200).build();
        return "# kroll ID registry: the broker.id and ZooKeeper myid of every host name, ever. IDs here never move.\n"
                + "# 'retired' IDs are not handed out again unless you pass --reuse-ids. See docs/planning.md.\n"
                + new Dump(settings).dumpToString(doc);
    }
}
