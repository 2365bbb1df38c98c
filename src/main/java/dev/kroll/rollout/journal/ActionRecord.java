package dev.kroll.rollout.journal;

import java.util.List;

/**
 * One host-level action of a run as the journal keeps it. Never holds a secret: {@code detail} is
 * written by kroll's own code (counts, outcomes, gate reasons), {@code changedFiles} are paths.
 *
 * @param host         host name, or {@code jump-host} for local actions
 * @param changedFiles files replaced on the host so far by this action (their {@code .kroll-prev}
 *                     holds what to restore if the action fails)
 */
public record ActionRecord(int step, String stepType, String host, String action, ActionStatus status,
                           String startedAt, String finishedAt, String detail, List<String> changedFiles) {

    public ActionRecord {
        changedFiles = changedFiles == null ? List.of() : List.copyOf(changedFiles);
    }

    public boolean is(int s, String h, String a) {
        return step == s && host.equals(h) && action.equals(a);
    }
}
