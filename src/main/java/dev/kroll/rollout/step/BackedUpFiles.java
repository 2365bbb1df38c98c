package dev.kroll.rollout.step;

import dev.kroll.inventory.Host;
import dev.kroll.rollout.engine.ActionScope;
import dev.kroll.rollout.engine.RenderFingerprint;
import dev.kroll.rollout.port.Checksums;
import dev.kroll.rollout.port.HostOps;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.rollout.port.WriteOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes an action's planned files so that a failed action can always get back the versions from
 * before it: the checksum of each version is journaled before the file is replaced; an action resumed
 * after a cut-off attempt leaves the backups that attempt made alone (so a half-done file never
 * becomes the backup, even when the plan now renders something else); and a revert restores a
 * {@code .kroll-prev} only when it holds exactly the journaled version.
 */
final class BackedUpFiles {

    static final String PREV = ".kroll-prev";

    private final HostOps hosts;
    private final ActionScope scope;

    BackedUpFiles(HostOps hosts, ActionScope scope) {
        this.hosts = hosts;
        this.scope = scope;
    }

    /** Writes {@code files}; returns the paths that changed. */
    List<String> write(List<RenderedFile> files) throws IOException {
        Host host = scope.host();
        scope.rendered(RenderFingerprint.of(files));
        Map<String, String> cutOff = scope.backupsOfCutOffAttempt();
        List<String> paths = new ArrayList<>();
        for (RenderedFile f : files) {
            if (!f.secret()) {
                paths.add(f.path());
                if (cutOff.containsKey(f.path())) {
                    paths.add(f.path() + PREV);
                }
            }
        }
        Map<String, String> now = hosts.sha256(host, paths);
        List<String> changed = new ArrayList<>();
        for (RenderedFile f : files) {
            boolean keepPrevious = !f.secret();
            if (!f.secret()) {
                String current = now.get(f.path());
                String before = cutOff.get(f.path());
                if (before != null && !before.equals(current)) {
                    // the cut-off attempt replaced it: its backup (if intact) is the version to restore, keep it
                    if (before.equals(Checksums.ABSENT) || before.equals(now.get(f.path() + PREV))) {
                        keepPrevious = false;
                    } else {
                        // neither the file nor its backup is the version journaled: changed by hand since; that is the baseline now
                        scope.replacing(f.path(), current);
                    }
                } else if (before == null && !current.equals(Checksums.sha256(f.content()))) {
                    scope.replacing(f.path(), current);
                }
            }
            if (hosts.write(host, f, keepPrevious) == WriteOutcome.CHANGED) {
                scope.changed(f.path());
                changed.add(f.path());
            }
        }
        return changed;
    }

    /** What a revert did: the files put back, and those left as they are (with why). */
    record Restored(List<String> restored, List<String> leftAlone) {
    }

    /**
     * Puts back the version each of {@code paths} had before the action. A file already at that version
     * needs nothing; a {@code .kroll-prev} that is not that version (e.g. a backup left by an older action)
     * is never restored.
     */
    Restored restore(List<String> paths) throws IOException {
        Host host = scope.host();
        Map<String, String> before = scope.backups();
        List<String> probe = new ArrayList<>();
        for (String p : paths) {
            if (before.containsKey(p)) {
                probe.add(p);
                probe.add(p + PREV);
            }
        }
        Map<String, String> now = probe.isEmpty() ? Map.of() : hosts.sha256(host, probe);
        List<String> restored = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (String p : paths) {
            String want = before.get(p);
            if (want == null) {
                // journaled without a checksum (a secret, or a journal from an older kroll): the backup as it is
                if (hosts.restorePrevious(host, p)) {
                    restored.add(p);
                }
            } else if (want.equals(now.get(p))) {
                restored.add(p); // already the version from before
            } else if (want.equals(Checksums.ABSENT)) {
                left.add(p + " (new with this action; nothing to restore)");
            } else if (want.equals(now.get(p + PREV)) && hosts.restorePrevious(host, p)) {
                restored.add(p);
            } else {
                left.add(p + " (its " + PREV + " is not the version from before this action)");
            }
        }
        return new Restored(restored, left);
    }
}
