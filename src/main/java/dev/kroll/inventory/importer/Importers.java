package dev.kroll.inventory.importer;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryValidator;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.Severity;
import java.util.ArrayList;
import java.util.List;

/** Picks the importer for a format and applies the common validation. */
public final class Importers {

    private Importers() {
    }

    public static InventoryImporter of(ImportFormat format) {
        return switch (format) {
            case YAML -> new YamlImporter();
            case CSV -> new CsvImporter();
            case HOSTS -> new HostListImporter();
            case ANSIBLE -> new AnsibleImporter();
            case PUPPETDB -> new PuppetDbImporter();
        };
    }

    /**
     * Imports and validates; returns the inventory and adds warnings and notes to {@code warnings}
     * (in reading order); throws a {@link KrollException} (exit 2) listing the errors and warnings.
     */
    public static Inventory importAndValidate(ImportFormat format, String source, ImportOptions options, List<Problem> warnings) {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = of(format).read(source, options, problems);
        // Validate even when reading found errors, so one run lists everything; but an import that
        // produced no hosts because of them would only add "the inventory lists no hosts".
        if (!InventoryValidator.hasErrors(problems) || !inv.hosts().isEmpty()) {
            problems.addAll(InventoryValidator.validate(inv));
        }
        if (InventoryValidator.hasErrors(problems)) {
            // notes explain choices made for a result that will not be written: leave them out
            throw KrollException.badInput(problems.stream().filter(p -> p.severity() != Severity.NOTE).toList());
        }
        warnings.addAll(Problem.sorted(problems));
        return inv;
    }
}
