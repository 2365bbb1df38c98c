package dev.kroll.cli;

import picocli.CommandLine.Command;

@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Import and check the inventory of hosts.",
        subcommands = {InventoryImportCommand.class, InventoryCheckCommand.class})
final class InventoryCommand {
}
