package dev.kroll.inventory.importer;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryValidator;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.List;

/** Picks the importer for a format and applies the common validation. */
public final class Importers {

    private Importers() {
    }

    public static InventoryImporter of(ImportFormat format) {
        return switch (format) {
            case YAML -> new YamlImporter();
            default -> throw KrollException.badInput("importing from " + format.name().toLowerCase() + " is not available yet");
        };
    }

    /** Imports and validates; returns the inventory and adds warnings to {@code warnings}; throws on errors. */
    public static Inventory importAndValidate(ImportFormat format, String source, ImportOptions options, List<Problem> warnings) {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = of(format).read(source, options, problems);
        if (!InventoryValidator.hasErrors(problems)) {
            problems.addAll(InventoryValidator.validate(inv));
        }
        InventoryValidator.throwIfErrors(problems);
        warnings.addAll(problems);
        return inv;
    }
}
