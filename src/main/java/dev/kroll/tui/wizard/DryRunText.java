package dev.kroll.tui.wizard;

import dev.kroll.rollout.engine.DryRunReport;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Line;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A step's dry run in words: services started or restarted, files written (with diffs), notes. Pure. */
final class DryRunText {

    static final int DIFF_LINES = 400;

    private DryRunText() {
    }

    static StagePreview preview(Stage stage, DryRunReport report) {
        LinkedHashSet<String> hosts = new LinkedHashSet<>();
        List<Line> intro = new ArrayList<>();
        List<Line> details = new ArrayList<>();
        List<DryRunReport.ServiceAction> services = report.serviceActions();
        List<DryRunReport.FileChange> files = report.fileChanges();
        intro.add(Line.of(services.size() + " service action(s), " + files.size() + " file(s) written"));
        for (DryRunReport.ServiceAction a : services) {
            hosts.add(a.host());
            intro.add(Line.builder().add("  " + a.verb() + " ", Style.WARN).add(a.service() + " on " + a.host())
                    .add(a.why() == null ? "" : " — " + a.why(), Style.DIM).build());
        }
        for (DryRunReport.Item item : report.items()) {
            if (item instanceof DryRunReport.Note n) {
                if (n.host() != null) {
                    hosts.add(n.host());
                }
                intro.add(Line.of("  " + (n.host() == null ? "" : n.host() + ": ") + n.text(), Style.DIM));
            }
        }
        int lines = 0;
        for (DryRunReport.FileChange f : files) {
            hosts.add(f.host());
            details.add(Line.of(f.host() + ":" + f.path() + (f.created() ? " (new)" : "") + (f.secret() ? " (secret, not shown)" : ""),
                    Style.HEADER));
            if (f.diff() != null && lines < DIFF_LINES) {
                for (String l : f.diff().split("\n")) {
                    if (lines++ >= DIFF_LINES) {
                        details.add(Line.of("… more in kroll run --dry-run", Style.DIM));
                        break;
                    }
                    Style st = l.startsWith("+") && !l.startsWith("+++") ? Style.OK
                            : l.startsWith("-") && !l.startsWith("---") ? Style.BAD : Style.DIM;
                    details.add(Line.of(l, st).kept());
                }
            }
        }
        return new StagePreview(true, intro, null, details, List.copyOf(hosts));
    }
}
