package dev.kroll.inventory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The preflight checks by their stable ids: what an inventory's {@code preflight.accept} and
 * {@code --accept CHECK[@HOST]} name. The checks themselves live in {@code dev.kroll.rollout.preflight}.
 */
public enum PreflightCheck {
    SWAP("swap"),
    SWAPPINESS("swappiness"),
    NOFILE("nofile"),
    JAVA("java"),
    DISK_SPACE("disk-space"),
    DISK_MOUNT("disk-mount"),
    PORT("port"),
    CLOCK("clock"),
    NAME_RESOLUTION("name-resolution"),
    EXISTING_IDS("existing-ids");

    private final String id;

    PreflightCheck(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<PreflightCheck> parse(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equalsIgnoreCase(id.trim())).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(PreflightCheck::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
