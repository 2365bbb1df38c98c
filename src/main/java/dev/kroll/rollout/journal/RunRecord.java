package dev.kroll.rollout.journal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal of one playbook run: enough to resume it, nothing secret.
 *
 * @param playbookSource where the playbook was read from (file path or {@code builtin:name})
 * @param fingerprint    digest of the playbook's steps and parameters; a resume refuses a changed playbook
 * @param attempts       how many times the run was started (1 + resumes)
 * @param hosts          the inventory's hosts when the run started: name → roles and planned IDs
 *                       (e.g. {@code kafka#2 zookeeper#2}); a resume refuses when they changed
 */
public record RunRecord(String runId, String playbook, String playbookSource, String fingerprint, String inventory,
                        Map<String, String> params, RunStatus status, String startedAt, String updatedAt, int attempts,
                        List<Integer> stepsDone, List<ActionRecord> actions, String message, Map<String, String> hosts) {

    public RunRecord {
        params = params == null ? Map.of() : Map.copyOf(params);
        stepsDone = stepsDone == null ? List.of() : List.copyOf(stepsDone);
        actions = actions == null ? List.of() : List.copyOf(actions);
        hosts = hosts == null ? null : java.util.Collections.unmodifiableMap(new TreeMap<>(hosts));
    }
}
