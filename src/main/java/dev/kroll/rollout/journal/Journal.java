package dev.kroll.rollout.journal;

import dev.kroll.util.KrollException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The live journal of one run. Every change is saved at once (atomically), so whatever happens to
 * the engine the file on disk says which host actions completed. Thread-safe: fan-out steps record
 * from several threads.
 */
public final class Journal {

    /** The host name used for actions that run on the jump host itself. */
    public static final String JUMP_HOST = "jump-host";

    private final JournalStore store;
    private final Clock clock;
    private RunRecord run;

    private Journal(JournalStore store, Clock clock, RunRecord run) {
        this.store = store;
        this.clock = clock;
        this.run = run;
    }

    /** Starts the journal of a new run. */
    public static Journal create(JournalStore store, Clock clock, String playbook, String source, String fingerprint,
                                 String inventory, Map<String, String> params, Map<String, String> hosts) {
        String now = clock.instant().toString();
        RunRecord r = new RunRecord(store.newRunId(clock, playbook), playbook, source, fingerprint, inventory, params,
                RunStatus.RUNNING, now, now, 1, List.of(), List.of(), null, hosts);
        Journal j = new Journal(store, clock, r);
        j.save();
        return j;
    }

    /** Re-opens an unfinished run for another attempt. */
    public static Journal reopen(JournalStore store, Clock clock, RunRecord r) {
        RunRecord again = new RunRecord(r.runId(), r.playbook(), r.playbookSource(), r.fingerprint(), r.inventory(), r.params(),
                RunStatus.RUNNING, r.startedAt(), clock.instant().toString(), r.attempts() + 1, r.stepsDone(), r.actions(), null, r.hosts());
        Journal j = new Journal(store, clock, again);
        j.save();
        return j;
    }

    public synchronized RunRecord record() {
        return run;
    }

    public String runId() {
        return record().runId();
    }

    public synchronized boolean stepDone(int step) {
        return run.stepsDone().contains(step);
    }

    public synchronized boolean done(int step, String host, String action) {
        return run.actions().stream().anyMatch(a -> a.is(step, host, action) && a.status() == ActionStatus.DONE);
    }

    /** The record of this action if its last attempt was cut off part way (engine killed). */
    public synchronized Optional<ActionRecord> interrupted(int step, String host, String action) {
        return last(step, host, action).filter(a -> a.status() == ActionStatus.STARTED);
    }

    /** Hosts of {@code step} with an action cut off part way. */
    public synchronized List<String> interruptedHosts(int step) {
        return run.actions().stream().filter(a -> a.step() == step && a.status() == ActionStatus.STARTED)
                .map(ActionRecord::host).distinct().toList();
    }

    /** The latest record of this action, if it was ever started. */
    public synchronized Optional<ActionRecord> action(int step, String host, String action) {
        return last(step, host, action);
    }

    /**
     * Records the start of an action. What a cut-off attempt had replaced (files and the checksums of their
     * versions before the action) is carried over: the backups it made still hold the state to restore.
     */
    public synchronized void started(int step, String stepType, String host, String action) {
        Optional<ActionRecord> cut = interrupted(step, host, action);
        replaceOrAppend(new ActionRecord(step, stepType, host, action, ActionStatus.STARTED, now(), null, null,
                cut.map(ActionRecord::changedFiles).orElse(List.of()), cut.map(ActionRecord::backups).orElse(Map.of()), null));
    }

    public synchronized void changed(int step, String host, String action, String path) {
        ActionRecord a = last(step, host, action).orElseThrow();
        if (a.changedFiles().contains(path)) {
            return;
        }
        List<String> files = new ArrayList<>(a.changedFiles());
        files.add(path);
        replaceOrAppend(a.with(a.status(), a.finishedAt(), a.detail(), files, a.backups(), a.rendered()));
    }

    /** Records, before {@code path} is replaced, the checksum of the version its backup must hold. */
    public synchronized void replacing(int step, String host, String action, String path, String sha256) {
        ActionRecord a = last(step, host, action).orElseThrow();
        if (sha256.equals(a.backups().get(path))) {
            return;
        }
        Map<String, String> b = new TreeMap<>(a.backups());
        b.put(path, sha256);
        replaceOrAppend(a.with(a.status(), a.finishedAt(), a.detail(), a.changedFiles(), b, a.rendered()));
    }

    /** Records the fingerprint of the planned files this action writes. */
    public synchronized void rendered(int step, String host, String action, String fingerprint) {
        ActionRecord a = last(step, host, action).orElseThrow();
        if (fingerprint.equals(a.rendered())) {
            return;
        }
        replaceOrAppend(a.with(a.status(), a.finishedAt(), a.detail(), a.changedFiles(), a.backups(), fingerprint));
    }

    public synchronized void finished(int step, String host, String action, ActionStatus status, String detail) {
        ActionRecord a = last(step, host, action).orElseThrow();
        replaceOrAppend(a.with(status, now(), detail, a.changedFiles(), a.backups(), a.rendered()));
    }

    public synchronized void stepDone(int step, boolean done) {
        if (!done || run.stepsDone().contains(step)) {
            return;
        }
        TreeSet<Integer> steps = new TreeSet<>(run.stepsDone());
        steps.add(step);
        update(new ArrayList<>(steps), run.actions(), run.status(), run.message());
    }

    public synchronized void finish(RunStatus status, String message) {
        update(run.stepsDone(), run.actions(), status, message);
    }

    private Optional<ActionRecord> last(int step, String host, String action) {
        List<ActionRecord> as = run.actions();
        for (int i = as.size() - 1; i >= 0; i--) {
            if (as.get(i).is(step, host, action)) {
                return Optional.of(as.get(i));
            }
        }
        return Optional.empty();
    }

    /** A STARTED record is updated in place; anything after a finished attempt is a new record. */
    private void replaceOrAppend(ActionRecord rec) {
        List<ActionRecord> as = new ArrayList<>(run.actions());
        int idx = -1;
        for (int i = as.size() - 1; i >= 0; i--) {
            if (as.get(i).is(rec.step(), rec.host(), rec.action())) {
                idx = as.get(i).status() == ActionStatus.STARTED ? i : -1;
                break;
            }
        }
        if (idx >= 0) {
            as.set(idx, rec);
        } else {
            as.add(rec);
        }
        update(run.stepsDone(), as, run.status(), run.message());
    }

    private void update(List<Integer> stepsDone, List<ActionRecord> actions, RunStatus status, String message) {
        run = new RunRecord(run.runId(), run.playbook(), run.playbookSource(), run.fingerprint(), run.inventory(), run.params(),
                status, run.startedAt(), now(), run.attempts(), stepsDone, actions, message, run.hosts());
        save();
    }

    private void save() {
        try {
            store.save(run);
        } catch (IOException e) {
            // without a journal a resume could repeat work: stop rather than carry on blind
            throw KrollException.failure("cannot write the journal " + store.file(run.runId()) + ": " + e.getMessage(), e);
        }
    }

    private String now() {
        return clock.instant().toString();
    }
}
