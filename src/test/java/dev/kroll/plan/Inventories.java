package dev.kroll.plan;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryValidator;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.util.Problem;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Inventories for tests, written as the operator would write them (so positions are real). */
final class Inventories {

    static final Path FILE = Path.of("cluster.yaml");

    private Inventories() {
    }

    /** Parses kroll YAML; fails the test on schema errors, not on validation findings. */
    static Inventory parse(String yaml) {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = KrollYaml.read(YamlTrees.parse(yaml, FILE), FILE, problems);
        if (InventoryValidator.hasErrors(problems)) {
            throw new AssertionError("test inventory does not parse: " + problems);
        }
        return inv;
    }

    /** A cluster of the named hosts, each running ZooKeeper and Kafka, on 10.0.0.x. */
    static Inventory colocated(String... names) {
        return parse(colocatedYaml(names));
    }

    /** The YAML of {@link #colocated}; hosts a, b, c when none are named. */
    static String colocatedYaml(String... names) {
        if (names.length == 0) {
            names = new String[] {"a", "b", "c"};
        }
        StringBuilder sb = new StringBuilder("cluster: {name: test}\nhosts:\n");
        int i = 1;
        for (String n : names) {
            sb.append("  - {name: ").append(n).append(", address: 10.0.0.").append(i++).append(", roles: [zookeeper, kafka]}\n");
        }
        return sb.toString();
    }
}
