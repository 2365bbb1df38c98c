package dev.kroll.inventory;

import java.util.Locale;
import java.util.Optional;

public enum Role {
    ZOOKEEPER("zookeeper"),
    KAFKA("kafka");

    private final String key;

    Role(String key) {
        this.key = key;
    }

    /** The word used in inventories: {@code zookeeper} or {@code kafka}. */
    public String key() {
        return key;
    }

    /** Accepts the inventory words and the usual aliases ({@code zk}, {@code broker}, {@code kafka_broker}). */
    public static Optional<Role> parse(String word) {
        return switch (word.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "zookeeper", "zk", "zookeeper_server" -> Optional.of(ZOOKEEPER);
            case "kafka", "broker", "kafka_broker", "kafka_server" -> Optional.of(KAFKA);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return key;
    }
}
