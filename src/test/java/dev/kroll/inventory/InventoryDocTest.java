package dev.kroll.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.Problem;
import dev.kroll.util.yaml.YList;
import dev.kroll.util.yaml.YMap;
import dev.kroll.util.yaml.YNode;
import dev.kroll.util.yaml.YamlTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/inventory.md's complete example is valid and shows every key the reader accepts. */
public class InventoryDocTest {

    static final Path DOC = Path.of("docs/inventory.md");

    static String example() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        String block = doc.substring(doc.indexOf("<!-- example:begin -->"), doc.indexOf("<!-- example:end -->"));
        return block.substring(block.indexOf("```yaml") + "```yaml".length(), block.lastIndexOf("```"));
    }

    /** The fenced block of the given language that follows a heading containing {@code heading}. */
    public static String block(String heading, String language) throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int at = doc.indexOf(heading);
        int start = doc.indexOf("```" + language + "\n", at) + language.length() + 4;
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void theCompleteExampleHasNoProblemAtAll() throws IOException {
        Path file = Path.of("docs/inventory.md#example");
        List<Problem> problems = new ArrayList<>();
        Inventory inv = KrollYaml.read(YamlTrees.parse(example(), file), file, problems);
        problems.addAll(InventoryValidator.validate(inv));
        assertEquals(List.of(), problems.stream().map(Problem::format).toList());
        assertEquals(3, inv.hosts(Role.ZOOKEEPER).size());
        assertEquals(3, inv.hosts(Role.KAFKA).size());
        Host kafka1 = inv.host("kafka1.example.com").orElseThrow();
        assertEquals(2222, kafka1.ssh().port());
        assertEquals("deploy", kafka1.ssh().user(), "host ssh settings extend the top-level ones");
    }

    @Test
    void theCompleteExampleShowsEveryKeyTheReaderAccepts() throws IOException {
        YMap root = (YMap) YamlTrees.parse(example(), null);
        YMap script = (YMap) YamlTrees.parse(block("### Services run by scripts", "yaml"), null);
        assertTrue(keys(root).containsAll(KrollYaml.TOP));
        assertTrue(keys(map(root, "cluster")).containsAll(KrollYaml.CLUSTER));
        assertTrue(keys(map(root, "ssh")).containsAll(KrollYaml.SSH));
        assertTrue(keys(map(root, "paths")).containsAll(KrollYaml.PATHS));
        assertTrue(keys(map(root, "services")).containsAll(KrollYaml.SERVICES));
        Set<String> service = new HashSet<>(keys(map(map(root, "services"), "kafka")));
        service.addAll(keys(map(map(script, "services"), "kafka")));
        assertEquals(KrollYaml.SERVICE, service);
        assertTrue(keys(map(root, "ports")).containsAll(KrollYaml.PORTS));
        assertTrue(keys(map(root, "heap")).containsAll(KrollYaml.HEAP));
        assertTrue(keys(map(root, "tls")).containsAll(KrollYaml.TLS));
        assertTrue(keys(map(root, "monitoring")).containsAll(KrollYaml.MONITORING));
        assertTrue(keys(map(root, "firewall")).containsAll(KrollYaml.FIREWALL));
        Set<String> group = new HashSet<>();
        map(root, "groups").entries().values().forEach(e -> group.addAll(keys((YMap) e.value())));
        assertEquals(KrollYaml.GROUP, group);
        Set<String> host = new HashSet<>();
        ((YList) root.get("hosts").orElseThrow()).items().forEach(h -> host.addAll(keys((YMap) h)));
        assertEquals(KrollYaml.HOST, host);
    }

    private static YMap map(YMap m, String key) {
        return (YMap) m.get(key).orElseThrow(() -> new AssertionError("the example has no " + key));
    }

    private static Set<String> keys(YNode n) {
        return ((YMap) n).entries().keySet();
    }
}
