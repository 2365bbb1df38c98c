package dev.kroll.inventory.importer;

import dev.kroll.inventory.Inventory;
import dev.kroll.util.Problem;
import java.util.List;

/** Reads one kind of source into an inventory. Problems with the source are added to {@code problems}. */
public interface InventoryImporter {

    Inventory read(String source, ImportOptions options, List<Problem> problems);
}
