package dev.kroll.rollout.engine;

/** What a step may do to the cluster; the command line asks before running a playbook that does either. */
public enum Effect {
    OVERWRITES_FILES,
    RESTARTS_SERVICES
}
