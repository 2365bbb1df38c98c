package dev.kroll.plan.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.plan.HostMemory;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.IdRegistry;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.plan.Plan;
import dev.kroll.plan.Planner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins every rendered file of a 3-host and a 5-host inventory (src/test/resources/golden/NAME/expected).
 * After an intended change, regenerate with {@code mvn test -Dtest=GoldenFilesTest -Dkroll.golden.update=true}
 * and review the diff like any other code change.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    /** Every file of every host: phase-independent files once, server.properties once per phase. */
    static Map<String, String> renderAll(Inventory inv, IdRegistry registry) {
        HostMemory memory = HostMemory.resolve(inv, Map.of(), Optional.empty());
        Plan plan = Planner.plan(inv, registry, memory.sizes(), false);
        if (plan.hasErrors()) {
            throw new AssertionError(plan.problems().toString());
        }
        Map<String, String> files = new TreeMap<>();
        for (HostPlan h : plan.hosts()) {
            for (ListenerPhase phase : ListenerPhase.values()) {
                for (RenderedFile f : HostRenderer.render(plan, h, phase)) {
                    String name = f.name().equals("server.properties") ? f.name() + "." + phase.key() : f.name();
                    files.put(h.name() + "/" + name, f.content());
                }
            }
        }
        return files;
    }

    static Inventory load(String name) {
        return KrollYaml.load(GOLDEN.resolve(name).resolve("cluster.yaml"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"three-hosts", "five-hosts"})
    void renderedFilesMatchTheGoldenFiles(String name) throws IOException {
        Inventory inv = load(name);
        Map<String, String> rendered = renderAll(inv, IdRegistry.empty(inv.cluster()));
        Path expected = GOLDEN.resolve(name).resolve("expected");
        if (Boolean.getBoolean("kroll.golden.update")) {
            write(expected, rendered);
        }
        Map<String, String> golden = read(expected);
        List<String> diffs = new ArrayList<>();
        for (Map.Entry<String, String> e : rendered.entrySet()) {
            String want = golden.get(e.getKey());
            if (want == null) {
                diffs.add("new file " + e.getKey());
            } else if (!want.equals(e.getValue())) {
                diffs.add(diff(e.getKey(), want, e.getValue()));
            }
        }
        golden.keySet().stream().filter(k -> !rendered.containsKey(k)).forEach(k -> diffs.add("no longer rendered: " + k));
        if (!diffs.isEmpty()) {
            fail("rendered files differ from " + expected + " (regenerate with -Dkroll.golden.update=true if intended):\n"
                    + String.join("\n", diffs));
        }
        assertFalse(rendered.isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"three-hosts", "five-hosts"})
    void renderingTwiceGivesTheSameBytes(String name) {
        Inventory inv = load(name);
        assertEquals(renderAll(inv, IdRegistry.empty(inv.cluster())), renderAll(load(name), IdRegistry.empty(inv.cluster())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"three-hosts", "five-hosts"})
    void reorderingTheHostsChangesNoRenderedByte(String name) {
        Inventory inv = load(name);
        IdRegistry registry = Planner.plan(inv, IdRegistry.empty(inv.cluster()), Map.of(), false).ids().registry();
        List<dev.kroll.inventory.Host> reversed = new ArrayList<>(inv.hosts());
        Collections.reverse(reversed);
        assertEquals(renderAll(inv, registry), renderAll(inv.withHosts(reversed), registry));
    }

    private static String diff(String name, String want, String got) {
        List<String> a = want.lines().toList();
        List<String> b = got.lines().toList();
        return String.join("\n", UnifiedDiffUtils.generateUnifiedDiff("golden/" + name, "rendered/" + name, a, DiffUtils.diff(a, b), 2));
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void write(Path dir, Map<String, String> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Collections.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
