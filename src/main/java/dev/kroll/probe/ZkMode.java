package dev.kroll.probe;

import java.util.Locale;

/** What a ZooKeeper server says it is. {@link #NOT_SERVING}: up, but without a quorum it can serve from. */
public enum ZkMode {
    LEADER, FOLLOWER, OBSERVER, STANDALONE, READ_ONLY, NOT_SERVING, UNKNOWN;

    /** Accepts the words of {@code srvr} ("Mode: follower") and {@code mntr} ("zk_server_state follower"). */
    public static ZkMode parse(String word) {
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "leader" -> LEADER;
            case "follower" -> FOLLOWER;
            case "observer" -> OBSERVER;
            case "standalone" -> STANDALONE;
            case "read-only", "readonly", "read_only" -> READ_ONLY;
            default -> UNKNOWN;
        };
    }

    /** Serves clients as a voting member of a working ensemble (or alone). */
    public boolean serving() {
        return this == LEADER || this == FOLLOWER || this == OBSERVER || this == STANDALONE;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
