package dev.kroll.tui.wizard;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryValidator;
import dev.kroll.inventory.Role;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Grid;
import dev.kroll.tui.widget.Grid.Cell;
import dev.kroll.tui.widget.Grid.Column;
import dev.kroll.tui.widget.Line;
import dev.kroll.util.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The wizard's first step: the inventory as read, with its warnings, or how to get one. Pure. */
public final class InventoryPreview {

    private InventoryPreview() {
    }

    public static StagePreview of(Inventory inv) {
        List<Line> intro = new ArrayList<>();
        intro.add(Line.of((inv.file() == null ? "inventory" : inv.file().toString()) + ": cluster " + inv.cluster() + ", "
                + inv.hosts().size() + " hosts (" + inv.hosts(Role.ZOOKEEPER).size() + " ZooKeeper, "
                + inv.hosts(Role.KAFKA).size() + " Kafka)"));
        intro.add(Line.of("services managed by " + inv.services().manager().toString().toLowerCase() + "; state kept in "
                + inv.stateDir(), Style.DIM));
        List<Column> cols = List.of(Column.left("host", 4), Column.left("address", 7), Column.left("roles", 5),
                Column.left("rack", 4), Column.right("broker.id", 9), Column.right("myid", 4), Column.right("memory", 6));
        List<Grid.Row> rows = new ArrayList<>();
        for (Host h : inv.hosts()) {
            rows.add(new Grid.Row(h.name(), List.of(Cell.of(h.name()), Cell.of(h.address()),
                    Cell.of(h.roles().stream().map(r -> r.name().toLowerCase()).collect(Collectors.joining(", "))),
                    Cell.of(h.rack() == null ? "-" : h.rack()),
                    Cell.of(h.brokerId() == null ? (h.has(Role.KAFKA) ? "auto" : "-") : String.valueOf(h.brokerId())),
                    Cell.of(h.zookeeperId() == null ? (h.has(Role.ZOOKEEPER) ? "auto" : "-") : String.valueOf(h.zookeeperId())),
                    Cell.of(h.memory() == null ? "from facts" : h.memory().toString()))));
        }
        List<Line> details = new ArrayList<>();
        for (Problem p : InventoryValidator.validate(inv)) {
            details.add(Line.of(p.format(), p.isError() ? Style.BAD : Style.WARN));
        }
        return new StagePreview(true, intro, new Grid(cols, rows), details, List.of());
    }

    /** The inventory does not read or validate: its problems, each with file:line and the fix. */
    public static StagePreview invalid(Path file, dev.kroll.util.KrollException e) {
        List<Line> intro = new ArrayList<>();
        intro.add(Line.of(file + " has problems; fix them and press enter to read it again:", Style.BAD));
        if (e.problems().isEmpty()) {
            intro.add(Line.of(e.getMessage(), Style.BAD));
        }
        for (Problem p : e.problems()) {
            intro.add(Line.of(p.format(), p.isError() ? Style.BAD : Style.WARN));
        }
        return new StagePreview(false, intro, null, List.of(), List.of());
    }

    /** No inventory yet: say how to make one. */
    public static StagePreview missing(Path expected) {
        return new StagePreview(false, List.of(
                Line.of("No inventory at " + expected + ".", Style.WARN),
                Line.of("Import one from what you have, then start kroll again:"),
                Line.of("  kroll inventory import --from ansible inventory.ini -o cluster.yaml", Style.ACCENT),
                Line.of("  kroll inventory import --from csv hosts.csv -o cluster.yaml", Style.ACCENT),
                Line.of("(also: yaml, hosts, puppetdb; the format is in docs/inventory.md)", Style.DIM)),
                null, List.of(), List.of());
    }
}
