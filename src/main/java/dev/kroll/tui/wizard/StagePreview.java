package dev.kroll.tui.wizard;

import dev.kroll.tui.widget.Grid;
import dev.kroll.tui.widget.Line;
import java.util.List;

/**
 * What a step will do, shown before it runs: a few lines, an optional table (the plan with heap reasons,
 * certificates to issue), details such as per-file diffs, and the hosts it will touch.
 *
 * @param available false when this build cannot run the step; {@code intro} then says why
 */
public record StagePreview(boolean available, List<Line> intro, Grid table, List<Line> details, List<String> hosts) {

    public StagePreview {
        intro = List.copyOf(intro);
        details = List.copyOf(details);
        hosts = List.copyOf(hosts);
    }

    public static StagePreview unavailable(String why) {
        return new StagePreview(false, List.of(Line.of(why)), null, List.of(), List.of());
    }
}
