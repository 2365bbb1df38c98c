package dev.kroll.cli;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryValidator;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.inventory.Role;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.TextTable;
import dev.kroll.util.yaml.YamlTrees;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the inventory and print a summary, or every problem found (exit 2).")
final class InventoryCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Override
    public Integer call() {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = KrollYaml.read(YamlTrees.read(inventory.file()), inventory.file(), problems);
        problems.addAll(InventoryValidator.validate(inv));
        if (InventoryValidator.hasErrors(problems)) {
            throw KrollException.badInput(problems);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("cluster " + inv.cluster() + " (" + inventory.file() + ")");
        out.println();
        out.print(summary(inv));
        out.println();
        int zk = inv.hosts(Role.ZOOKEEPER).size();
        out.println("ZooKeeper ensemble: " + zk + " member" + (zk == 1 ? "" : "s") + ", tolerates " + (zk - 1) / 2
                + " down; brokers: " + inv.hosts(Role.KAFKA).size());
        for (Problem p : Problem.sorted(problems)) {
            out.println(p.format());
        }
        out.println(problems.isEmpty() ? "inventory ok" : "inventory ok with " + problems.size() + " warning" + (problems.size() == 1 ? "" : "s"));
        return ExitCode.OK;
    }

    static String summary(Inventory inv) {
        TextTable t = new TextTable("HOST", "ADDRESS", "ROLES", "RACK", "SSH");
        for (Host h : inv.hosts()) {
            t.row(h.name(), h.address(), h.roles().stream().map(Role::key).collect(Collectors.joining(",")), h.rack(),
                    h.ssh().user() + ":" + h.ssh().port());
        }
        return t.render();
    }
}
