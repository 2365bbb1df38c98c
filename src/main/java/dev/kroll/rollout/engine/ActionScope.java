package dev.kroll.rollout.engine;

import dev.kroll.inventory.Host;
import dev.kroll.rollout.journal.ActionRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a running host action can tell the engine (and the journal) while it works. */
public final class ActionScope {

    private final StepContext ctx;
    private final Host host;
    private final String action;
    private final ActionRecord cutOff;
    private volatile boolean reverted;

    ActionScope(StepContext ctx, Host host, String action, Optional<ActionRecord> cutOff) {
        this.ctx = ctx;
        this.host = host;
        this.action = action;
        this.cutOff = cutOff.orElse(null);
    }

    public Host host() {
        return host;
    }

    /** An earlier attempt of this action was cut off part way (the engine was killed). */
    public boolean interrupted() {
        return cutOff != null;
    }

    /** Files the cut-off attempt had already replaced (their {@code .kroll-prev} is the state before this action). */
    public List<String> changedByCutOffAttempt() {
        return cutOff == null ? List.of() : cutOff.changedFiles();
    }

    /**
     * Checksums of the versions the cut-off attempt's backups hold (path → SHA-256 or {@code absent}): the
     * state before this action, which a resumed attempt must neither overwrite nor lose.
     */
    public Map<String, String> backupsOfCutOffAttempt() {
        return cutOff == null ? Map.of() : cutOff.backups();
    }

    /** The checksums of the versions before this action, as journaled so far (carried over from a cut-off attempt). */
    public Map<String, String> backups() {
        return ctx.journalRecord(host, action).map(ActionRecord::backups).orElse(Map.of());
    }

    /** Journals, before {@code path} is replaced, the checksum of the version its {@code .kroll-prev} will hold. */
    public void replacing(String path, String sha256) {
        ctx.journalReplacing(host, action, path, sha256);
    }

    /** Journals the fingerprint of the planned files this action writes (see {@link RenderFingerprint}). */
    public void rendered(String fingerprint) {
        ctx.journalRendered(host, action, fingerprint);
    }

    /** Journals that {@code path} was replaced, before anything that depends on it happens. */
    public void changed(String path) {
        ctx.journalChanged(host, action, path);
    }

    /** Marks that this action is about to change something on the host (for the run's "changed anything" state). */
    public void changing() {
        ctx.markChanged();
    }

    public void progress(String message) {
        ctx.progress(host, message);
    }

    /** The action failed but put the previous configuration back (journaled as REVERTED). */
    public void reverted() {
        reverted = true;
    }

    boolean wasReverted() {
        return reverted;
    }
}
