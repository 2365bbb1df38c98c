package dev.kroll.tui.dashboard;

import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Grid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Remembers which table cells changed in the last refresh, so they can be shown highlighted for a while. */
final class Highlights {

    private final Clock clock;
    private final Duration duration;
    private final Map<String, Instant> until = new HashMap<>();

    Highlights(Clock clock, Duration duration) {
        this.clock = clock;
        this.duration = duration;
    }

    Duration duration() {
        return duration;
    }

    /** Compares a table with its previous version; returns whether any cell changed. */
    boolean compare(String table, Grid before, Grid after) {
        if (before == null) {
            return false;
        }
        Map<String, List<Grid.Cell>> old = new HashMap<>();
        before.rows().forEach(r -> old.put(r.key(), r.cells()));
        Instant end = clock.instant().plus(duration);
        boolean any = false;
        for (Grid.Row r : after.rows()) {
            List<Grid.Cell> prev = old.get(r.key());
            if (prev == null) {
                continue;
            }
            for (int c = 0; c < r.cells().size() && c < prev.size(); c++) {
                if (!r.cells().get(c).text().equals(prev.get(c).text())) {
                    until.put(table + "|" + r.key() + "|" + c, end);
                    any = true;
                }
            }
        }
        return any;
    }

    /** A cell styler for {@link dev.kroll.tui.widget.GridPane#styler}. */
    Function<String, Function<Integer, Function<Grid.Cell, Grid.Cell>>> styler(String table) {
        return key -> col -> cell -> {
            Instant end = until.get(table + "|" + key + "|" + col);
            return end != null && clock.instant().isBefore(end) ? cell.withStyle(Style.CHANGED) : cell;
        };
    }

    /** Drops highlights whose time is up; true if any was dropped (the screen then needs a repaint). */
    boolean prune() {
        Instant now = clock.instant();
        return until.values().removeIf(end -> !now.isBefore(end));
    }

    /** A new snapshot replaces the previous one's highlights (so a refresh faster than the highlight costs no extra repaint). */
    void clear() {
        until.clear();
    }
}
