package dev.kroll.tui.wizard;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.plan.HostMemory;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.IdRegistryStore;
import dev.kroll.plan.Plan;
import dev.kroll.plan.Planner;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Grid;
import dev.kroll.tui.widget.Grid.Cell;
import dev.kroll.tui.widget.Grid.Column;
import dev.kroll.tui.widget.Line;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Plan step, done by kroll's planner on this machine: stable IDs and heap sizes with the reason for
 * each. Running it records newly allocated IDs in {@code .kroll/ids.yaml}, as {@code kroll plan} does.
 */
public final class PlanStage {

    private PlanStage() {
    }

    static Plan plan(Inventory inv) {
        IdRegistryStore store = IdRegistryStore.of(inv);
        HostMemory memory = HostMemory.resolve(inv, Map.of(), Optional.empty());
        return Planner.plan(inv, store.load(inv.cluster()), memory.sizes(), false);
    }

    public static StagePreview preview(Inventory inv) {
        Plan plan = plan(inv);
        List<Line> intro = new ArrayList<>();
        intro.add(Line.of("IDs are recorded in " + IdRegistryStore.of(inv).file() + " and never change for a host."));
        List<Column> cols = List.of(Column.left("host", 4), Column.left("roles", 5), Column.right("broker.id", 9),
                Column.right("myid", 4), Column.right("kafka heap", 10), Column.right("zookeeper heap", 14));
        List<Grid.Row> rows = new ArrayList<>();
        List<Line> why = new ArrayList<>();
        for (HostPlan hp : plan.hosts()) {
            rows.add(new Grid.Row(hp.name(), List.of(Cell.of(hp.name()),
                    Cell.of(hp.host().roles().stream().map(Role::key).collect(Collectors.joining(","))),
                    Cell.of(hp.brokerId().map(String::valueOf).orElse("-")), Cell.of(hp.myid().map(String::valueOf).orElse("-")),
                    Cell.of(hp.heap().kafka().map(h -> h.size().human()).orElse("-")),
                    Cell.of(hp.heap().zookeeper().map(h -> h.size().human()).orElse("-")))));
            // the reasons are sentences: listed below the table, where they wrap instead of being cut
            hp.heap().kafka().ifPresent(h -> why.add(Line.of("  " + hp.name() + " kafka " + h.size().human() + ": " + h.reason())));
            hp.heap().zookeeper().ifPresent(h -> why.add(Line.of("  " + hp.name() + " zookeeper " + h.size().human() + ": " + h.reason())));
        }
        List<Line> details = new ArrayList<>();
        if (!why.isEmpty()) {
            details.add(Line.of("Heap sizes and why", Style.HEADER));
            details.addAll(why);
            details.add(Line.EMPTY);
        }
        plan.ids().changes().forEach(c -> details.add(Line.of("new: " + c, Style.ACCENT)));
        for (Problem p : plan.problems()) {
            details.add(Line.of(p.format(), p.isError() ? Style.BAD : Style.WARN));
        }
        if (plan.hasErrors()) {
            intro.add(0, Line.of("The plan has errors; fix the inventory, then press p to plan again.", Style.BAD));
        }
        return new StagePreview(!plan.hasErrors(), intro, new Grid(cols, rows), details, List.of());
    }

    /** Records the plan's new IDs; returns what was recorded, in words. */
    public static String accept(Inventory inv) {
        Plan plan = plan(inv);
        if (plan.hasErrors()) {
            throw new IllegalStateException("the plan has errors: " + plan.problems().get(0).message());
        }
        if (!plan.ids().changed()) {
            return "plan unchanged; IDs already recorded in " + IdRegistryStore.of(inv).file();
        }
        IdRegistryStore.of(inv).save(plan.ids().registry());
        return plan.ids().changes().size() + " ID(s) recorded in " + IdRegistryStore.of(inv).file();
    }
}
