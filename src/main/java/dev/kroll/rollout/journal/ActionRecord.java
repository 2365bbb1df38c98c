package dev.kroll.rollout.journal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One host-level action of a run as the journal keeps it. Never holds a secret: {@code detail} is
 * written by kroll's own code (counts, outcomes, gate reasons), {@code changedFiles} are paths,
 * checksums are of configuration files only (secrets are never backed up).
 *
 * @param host         host name, or {@code jump-host} for local actions
 * @param changedFiles files replaced on the host so far by this action (their {@code .kroll-prev}
 *                     holds what to restore if the action fails)
 * @param backups      path → SHA-256 of the content the file had before this action (or {@code absent}),
 *                     journaled before the file is replaced: a revert restores a {@code .kroll-prev} only
 *                     when it holds exactly that, and a resumed attempt never overwrites a backup that does
 * @param rendered     fingerprint of the planned files this action wrote (see {@code RenderFingerprint}),
 *                     or null; a resume refuses when a completed action's files would now be rendered differently
 */
public record ActionRecord(int step, String stepType, String host, String action, ActionStatus status,
                           String startedAt, String finishedAt, String detail, List<String> changedFiles,
                           Map<String, String> backups, String rendered) {

    public ActionRecord {
        changedFiles = changedFiles == null ? List.of() : List.copyOf(changedFiles);
        backups = backups == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(backups));
    }

    public boolean is(int s, String h, String a) {
        return step == s && host.equals(h) && action.equals(a);
    }

    ActionRecord with(ActionStatus st, String finished, String det, List<String> files, Map<String, String> bk, String rend) {
        return new ActionRecord(step, stepType, host, action, st, startedAt, finished, det, files, bk, rend);
    }
}
