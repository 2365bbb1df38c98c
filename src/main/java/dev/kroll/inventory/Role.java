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

    /** The fix for an unknown role word: the closest role word, if any, and the valid ones. */
    public static String hint(String word) {
        return dev.kroll.util.DidYouMean.closest(word, java.util.List.of("zookeeper", "kafka", "zk", "broker", "kafka_broker"))
                .map(s -> "did you mean '" + s + "'? ").orElse("") + "roles are 'zookeeper' and 'kafka'";
    }

    @Override
    public String toString() {
        return key;
    }
}
