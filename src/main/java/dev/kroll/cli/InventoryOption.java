package dev.kroll.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -i cluster.yaml} option shared by every command that works on an inventory. */
public final class InventoryOption {

    @Option(names = {"-i", "--inventory"}, paramLabel = "FILE", defaultValue = "cluster.yaml",
            description = "The kroll inventory (default: ${DEFAULT-VALUE}).")
    Path file;

    public Path file() {
        return file;
    }

    public dev.kroll.inventory.Inventory load() {
        return dev.kroll.inventory.KrollYaml.load(file);
    }
}
