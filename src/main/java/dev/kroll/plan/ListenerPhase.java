package dev.kroll.plan;

import java.util.Arrays;
import java.util.Optional;

/**
 * The steps of the PLAINTEXT → SSL migration, each a complete set of broker listeners. Brokers are
 * rolled through them in order; every step keeps clients of the previous one working.
 */
public enum ListenerPhase {
    /** PLAINTEXT only: the starting point. */
    PLAINTEXT("plaintext", true, false),
    /** PLAINTEXT and SSL side by side; SSL clients must present certificates from the start. */
    SSL_ADDED("ssl-added", true, false),
    /** Brokers talk to each other over SSL; clients may still use PLAINTEXT. */
    SSL_INTER_BROKER("ssl-inter-broker", true, true),
    /** PLAINTEXT closed. */
    SSL_ONLY("ssl-only", false, true);

    private final String key;
    private final boolean plaintext;
    private final boolean interBrokerSsl;

    ListenerPhase(String key, boolean plaintext, boolean interBrokerSsl) {
        this.key = key;
        this.plaintext = plaintext;
        this.interBrokerSsl = interBrokerSsl;
    }

    /** The word used on the command line and in playbooks, e.g. {@code ssl-added}. */
    public String key() {
        return key;
    }

    public boolean hasPlaintext() {
        return plaintext;
    }

    public boolean hasSsl() {
        return this != PLAINTEXT;
    }

    public boolean interBrokerSsl() {
        return interBrokerSsl;
    }

    public static Optional<ListenerPhase> parse(String word) {
        return Arrays.stream(values()).filter(p -> p.key.equalsIgnoreCase(word.trim())).findFirst();
    }

    @Override
    public String toString() {
        return key;
    }
}
