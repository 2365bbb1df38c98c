package dev.kroll.tui.wizard;

import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Bar;
import dev.kroll.tui.widget.GridText;
import dev.kroll.tui.widget.Line;
import java.util.ArrayList;
import java.util.List;

/** The right side of the wizard for one step: what it will do, then its live progress. */
final class StepPage {

    private StepPage() {
    }

    static List<Line> lines(Stage s, WizardState state, boolean readonly) {
        List<Line> out = new ArrayList<>();
        out.add(Line.of(s.what()));
        if (s == Stage.DASHBOARD) {
            out.add(Line.EMPTY);
            out.add(Line.builder().add("enter", Style.KEY).add(" opens the live dashboard (or press ").add("d", Style.KEY)
                    .add(" anywhere).").build());
            return out;
        }
        boolean live = state.running() == s;
        if (state.lastRun() == s) {
            progress(state, out, live);
        }
        List<String> accepted = state.accepted(s);
        if (!accepted.isEmpty()) {
            out.add(Line.EMPTY);
            out.add(Line.of("▲ Accepted, not passing (" + accepted.size() + "): the inventory's preflight.accept", Style.WARN));
            accepted.forEach(a -> out.add(Line.of("  " + a, Style.WARN)));
        }
        out.add(Line.EMPTY);
        StagePreview p = state.preview(s);
        if (p == null) {
            out.add(Line.of("working out what this step will do…", Style.DIM));
            return out;
        }
        boolean ran = !live && state.lastRun() == s && state.status(s) == WizardState.Status.DONE;
        out.add(Line.of(live ? "What this step does" : ran ? "What it was to do (the preview before it ran)" : "What will happen",
                Style.HEADER));
        out.addAll(p.intro());
        if (p.table() != null) {
            out.add(Line.EMPTY);
            out.addAll(GridText.lines(p.table()));
        }
        if (!p.hosts().isEmpty()) {
            out.add(Line.of("Hosts touched: " + String.join(", ", p.hosts()), Style.DIM));
        }
        if (!p.details().isEmpty()) {
            out.add(Line.EMPTY);
            out.addAll(p.details());
        }
        if (s == Stage.INVENTORY) {
            out.add(Line.EMPTY);
            out.add(Line.builder().add("enter", Style.KEY).add(" reads the inventory again (after you edit it)").build());
        } else if (!live && p.available()) {
            out.add(Line.EMPTY);
            if (readonly && s.changesHosts()) {
                out.add(Line.of("read-only session: this step can be previewed, not run", Style.WARN));
            } else if (s.changesHosts() || s.needsConfirmation()) {
                out.add(Line.builder().add("enter", Style.KEY).add(" runs this step; you confirm first ("
                        + (s.restarts() ? "it restarts services" : "it writes files") + ")").build());
            } else {
                out.add(Line.builder().add("enter", Style.KEY).add(" runs this step (it changes nothing on the hosts)").build());
            }
        }
        return out;
    }

    private static void progress(WizardState state, List<Line> out, boolean live) {
        int[] prog = state.progress();
        out.add(Line.EMPTY);
        out.add(Line.builder().add(live ? "Progress  " : "Last run  ", Style.HEADER).add(Bar.render(prog[0], prog[1], 30))
                .add("  " + prog[0] + "/" + prog[1] + " hosts").build());
        if (state.gateReason() != null) {
            out.add(Line.of("◐ waiting: " + state.gateReason(), Style.WARN));
        }
        if (!live && state.lastResult() != null) {
            out.add(Line.of(state.lastResult(), state.lastOk() ? Style.OK : Style.BAD));
        }
        int maxActions = Math.max(1, state.hosts().stream().mapToInt(WizardState.HostRow::actions).max().orElse(1));
        int nameWidth = Math.min(24, state.hosts().stream().mapToInt(h -> h.host().length()).max().orElse(8) + 1);
        for (WizardState.HostRow h : state.hosts()) {
            boolean acceptedOnly = h.finished() && !h.failed() && h.last().contains(WizardState.ACCEPTED_SUMMARY);
            Style st = h.failed() ? Style.BAD : h.waitingFor() != null || acceptedOnly ? Style.WARN : h.finished() ? Style.OK : Style.NORMAL;
            String sym = h.failed() ? "✖" : h.waitingFor() != null ? "◐" : acceptedOnly ? "▲" : h.finished() ? "✔" : "·";
            out.add(Line.builder().add(sym + " ", st).add(dev.kroll.tui.widget.Painter.padRight(h.host(), nameWidth))
                    .add(Bar.render(h.finished() ? maxActions : h.actions(), maxActions, 10)).add("  ")
                    .add(h.waitingFor() != null ? "waiting: " + h.waitingFor() : h.last(), st).build());
        }
    }
}
