package dev.kroll.rollout;

import dev.kroll.inventory.Inventory;
import dev.kroll.rollout.engine.DryRunReport;
import dev.kroll.rollout.engine.Effect;
import dev.kroll.rollout.engine.Engine;
import dev.kroll.rollout.engine.EngineSettings;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.ResumeCheck;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunHandle;
import dev.kroll.rollout.engine.RunParams;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.engine.Step;
import dev.kroll.rollout.journal.Journal;
import dev.kroll.rollout.journal.JournalStore;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.journal.RunStatus;
import dev.kroll.rollout.playbook.PlaybookLoader;
import dev.kroll.rollout.playbook.PlaybookSources;
import dev.kroll.rollout.port.Backend;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs playbooks against one inventory: finds the playbook, resolves its parameters, takes the
 * run lock, keeps the journal under {@code <inventory dir>/.kroll/journal/}, and resumes.
 * What the command line and the TUI call.
 */
public final class Rollout {

    private final Inventory inventory;
    private final Backend backend;
    private final EngineSettings settings;
    private final Clock clock;
    private final PlaybookLoader loader;
    private final JournalStore journals;

    public Rollout(Inventory inventory, Backend backend, EngineSettings settings, Clock clock) {
        this.inventory = inventory;
        this.backend = backend;
        this.settings = settings;
        this.clock = clock;
        this.loader = new PlaybookLoader(new PlaybookSources(playbookDirs(inventory)));
        this.journals = new JournalStore(inventory.stateDir());
    }

    /** Playbooks, parameters and journals only: for what needs no connection to the cluster. */
    public static Rollout offline(Inventory inventory) {
        return new Rollout(inventory, null, EngineSettings.DEFAULT, Clock.systemUTC());
    }

    /** {@code playbooks/} beside the inventory, then kroll's built-ins. */
    public static List<Path> playbookDirs(Inventory inventory) {
        return List.of(inventory.stateDir().getParent().resolve("playbooks"));
    }

    public Playbook load(String nameOrPath) {
        return loader.load(nameOrPath);
    }

    public RunParams params(Playbook pb, Map<String, String> given) {
        return RunParamsResolver.resolve(pb, given);
    }

    public JournalStore journals() {
        return journals;
    }

    /** The steps of {@code pb} that would overwrite files or restart services with these parameters. */
    public static List<Step> changingSteps(Playbook pb, RunParams params) {
        List<Step> out = new ArrayList<>();
        for (Step s : pb.steps()) {
            Set<Effect> e = s.effects();
            if (pb.enabled(s, params) && !e.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    public DryRunReport dryRun(Playbook pb, RunParams params) throws InterruptedException {
        requireBackend();
        return new Engine(inventory, backend, settings, clock).dryRun(pb, params);
    }

    /** Runs a playbook from its first step, with a new journal. Blocks until it ends. */
    public RunResult run(Playbook pb, RunParams params, Consumer<RunEvent> listener) throws InterruptedException {
        requireBackend();
        try (JournalStore.RunLock lock = journals.lock()) {
            Journal j = Journal.create(journals, clock, pb.name(), pb.source(), pb.fingerprint(params),
                    String.valueOf(inventory.file()), params.values(), ResumeCheck.hosts(inventory, backend.plan()));
            return awaitOrCancel(start(pb, j, params, listener));
        } catch (IOException e) {
            throw KrollException.failure("cannot release the run lock: " + e.getMessage(), e);
        }
    }

    /** The run a plain {@code kroll resume} continues: the latest, unless it succeeded. */
    public RunRecord resumable(Optional<String> runId) {
        RunRecord r = runId.map(journals::load).orElseGet(() -> journals.latest().orElseThrow(() ->
                KrollException.badInput("nothing to resume: no run journal in " + journals.dir())));
        if (r.status() == RunStatus.SUCCEEDED) {
            throw KrollException.badInput("nothing to resume: run " + r.runId() + " (" + r.playbook() + ") finished successfully");
        }
        return r;
    }

    /** The playbook of a journaled run, checked unchanged since the run started. */
    public Playbook playbookOf(RunRecord r) {
        Playbook pb = loader.load(r.playbookSource().startsWith("builtin:") ? r.playbookSource().substring(8) : r.playbookSource());
        if (!pb.fingerprint(new RunParams(r.params())).equals(r.fingerprint())) {
            throw KrollException.badInput("playbook " + r.playbookSource() + " changed since run " + r.runId()
                    + " started — a resume needs the same steps; put the old version back, or start afresh with 'kroll run'");
        }
        return pb;
    }

    /** Continues a journaled run: steps and host actions it completed are not repeated. Blocks until it ends. */
    public RunResult resume(RunRecord r, Consumer<RunEvent> listener) throws InterruptedException {
        requireBackend();
        Playbook pb = playbookOf(r);
        try (JournalStore.RunLock lock = journals.lock()) {
            RunRecord fresh = journals.load(r.runId());
            ResumeCheck.check(fresh, pb, inventory, backend.plan());
            Journal j = Journal.reopen(journals, clock, fresh);
            return awaitOrCancel(start(pb, j, new RunParams(fresh.params()), listener));
        } catch (IOException e) {
            throw KrollException.failure("cannot release the run lock: " + e.getMessage(), e);
        }
    }

    private void requireBackend() {
        if (backend == null) {
            throw new IllegalStateException("an offline Rollout cannot run playbooks");
        }
    }

    /**
     * Waits for the run; if the caller is interrupted, cancels the run and still waits for it to
     * stop, so the run lock is never released under a running engine.
     */
    private static RunResult awaitOrCancel(RunHandle handle) throws InterruptedException {
        try {
            return handle.await();
        } catch (InterruptedException e) {
            handle.cancel();
            while (true) {
                try {
                    RunResult r = handle.await();
                    Thread.currentThread().interrupt();
                    return r;
                } catch (InterruptedException again) {
                    // keep waiting: the engine is stopping at its next safe point
                }
            }
        }
    }

    private RunHandle start(Playbook pb, Journal j, RunParams params, Consumer<RunEvent> listener) {
        Engine engine = new Engine(inventory, backend, settings, clock);
        if (listener != null) {
            engine.subscribe(listener);
        }
        return engine.start(pb, j, params);
    }
}
