package dev.kroll.inventory;

public enum ServiceManager {
    /** systemd units rendered by kroll and controlled with systemctl. */
    SYSTEMD,
    /** Operator-supplied start/stop/status commands (hosts without systemd, and the sandbox). */
    SCRIPT
}
