package dev.kroll.inventory.importer;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.util.Problem;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.List;

/** kroll's own format: importing it validates and normalises it. */
public final class YamlImporter implements InventoryImporter {

    @Override
    public Inventory read(String source, ImportOptions options, List<Problem> problems) {
        Path file = Path.of(source);
        return KrollYaml.read(YamlTrees.read(file), file, problems);
    }
}
