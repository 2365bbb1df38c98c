package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.plan.HostMemory;
import dev.kroll.plan.IdRegistry;
import dev.kroll.plan.IdRegistryStore;
import dev.kroll.plan.Plan;
import dev.kroll.plan.Planner;
import dev.kroll.remote.FactsStore;
import dev.kroll.util.ByteSize;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The edge around the pure planner: load the inventory and the ID registry, plan, refuse a plan with
 * errors (exit 2, one line each), persist newly allocated IDs, and report warnings.
 */
record PlanRun(Plan plan, HostMemory memory, Path registry) {

    static PlanRun execute(InventoryOption inventory, PlanOptions options, PrintWriter err) {
        Inventory inv = inventory.load();
        IdRegistryStore store = IdRegistryStore.of(inv);
        IdRegistry registry = store.load(inv.cluster());
        // RAM gathered by 'kroll facts' wins over the inventory's memory and the --memory assumption.
        Map<String, ByteSize> gathered = new java.util.LinkedHashMap<>();
        FactsStore.load(inv.stateDir()).forEach((host, f) -> {
            if (f.memoryBytes() != null) {
                gathered.put(host, new ByteSize(f.memoryBytes()));
            }
        });
        HostMemory memory = HostMemory.resolve(inv, gathered, options.memory());
        Plan plan = Planner.plan(inv, registry, memory.sizes(), options.reuseIds);
        if (plan.hasErrors()) {
            throw KrollException.badInput(plan.problems());
        }
        if (plan.ids().changed()) {
            store.save(plan.ids().registry());
            plan.ids().changes().forEach(c -> err.println("kroll: " + c + " (" + store.file() + ")"));
        }
        for (Problem p : plan.problems()) {
            err.println(p.format());
        }
        return new PlanRun(plan, memory, store.file());
    }
}
