package dev.kroll.rollout.engine;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.port.Backend;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.util.Errors;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** What a step sees during {@code --dry-run}: the same inputs as a run, and a report instead of hosts to change. */
public final class DryRun {

    private final RunState run;
    private final int index;
    private final DryRunReport report;

    DryRun(RunState run, int index, DryRunReport report) {
        this.run = run;
        this.index = index;
        this.report = report;
    }

    public Inventory inventory() {
        return run.inventory;
    }

    public Backend backend() {
        return run.backend;
    }

    public RunParams params() {
        return run.params;
    }

    public List<Host> hosts(Role role) {
        return run.inventory.hosts(role);
    }

    public Map<Integer, Host> brokers() {
        return run.brokers();
    }

    /**
     * Compares {@code f} with the file as it is on the host (read over SSH) or as an earlier step
     * would have left it, and records a diff when they differ. Returns whether it would change.
     */
    public boolean file(Host host, RenderedFile f) {
        byte[] before;
        if (report.known(host.name(), f.path())) {
            before = report.current(host.name(), f.path());
        } else {
            try {
                before = run.backend.hosts().read(host, f.path()).orElse(null);
            } catch (IOException e) {
                note(host, "cannot read " + f.path() + " (" + Errors.message(e) + "); shown as a new file");
                before = null;
            }
        }
        int changesBefore = report.fileChanges().size();
        report.file(index, host.name(), f.path(), before, f.content(), f.secret());
        return report.fileChanges().size() > changesBefore;
    }

    public void service(Host host, Role role, String verb, String why) {
        report.add(new DryRunReport.ServiceAction(index, host == null ? null : host.name(), role.key(), verb, why));
    }

    public void note(Host host, String text) {
        report.add(new DryRunReport.Note(index, host == null ? null : host.name(), text));
    }
}
