package dev.kroll.cli;

import dev.kroll.rollout.engine.DryRunReport;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.Step;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Prints a dry run: per step, the unified diff of every file that would change and every start or restart. */
final class DryRunPrinter {

    private DryRunPrinter() {
    }

    static void print(Playbook pb, DryRunReport report, PrintWriter out) {
        out.println("dry run of " + pb.name() + ": nothing is changed");
        List<DryRunReport.Item> items = report.items();
        for (int i = 0; i < pb.steps().size(); i++) {
            Step s = pb.steps().get(i);
            out.println("[" + (i + 1) + "/" + pb.steps().size() + "] " + s.header().title());
            for (DryRunReport.Item item : items) {
                if (item.step() != i) {
                    continue;
                }
                if (item instanceof DryRunReport.FileChange f) {
                    if (f.secret()) {
                        out.println("    " + f.host() + ": would " + (f.created() ? "create " : "replace ") + f.path() + " (secret: content not shown)");
                    } else {
                        out.println("    " + f.host() + ": would " + (f.created() ? "create " : "change ") + f.path());
                        f.diff().lines().forEach(l -> out.println("      " + l));
                    }
                } else if (item instanceof DryRunReport.ServiceAction a) {
                    out.println("    " + a.host() + ": would " + a.verb() + " " + a.service() + " — " + a.why());
                } else if (item instanceof DryRunReport.Note n) {
                    out.println("    " + (n.host() == null ? "" : n.host() + ": ") + n.text());
                }
            }
        }
        Set<String> hosts = new TreeSet<>();
        report.fileChanges().forEach(f -> hosts.add(f.host()));
        long restarts = report.serviceActions().stream().filter(a -> a.verb().equals("restart")).count();
        long starts = report.serviceActions().stream().filter(a -> a.verb().equals("start")).count();
        out.println("summary: " + report.fileChanges().size() + " file change" + (report.fileChanges().size() == 1 ? "" : "s") + " on "
                + hosts.size() + " host" + (hosts.size() == 1 ? "" : "s") + ", " + restarts + " restart" + (restarts == 1 ? "" : "s")
                + ", " + starts + " start" + (starts == 1 ? "" : "s"));
    }
}
