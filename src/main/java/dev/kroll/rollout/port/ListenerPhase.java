package dev.kroll.rollout.port;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The listener configuration of a broker during the PLAINTEXT→SSL migration. Each roll moves every
 * broker one phase on; a phase only ever adds what the next one relies on, so brokers in adjacent
 * phases talk to each other.
 */
public enum ListenerPhase {
    /** PLAINTEXT only (first start). */
    PLAINTEXT("plaintext"),
    /** PLAINTEXT and SSL listeners; SSL clients must present a certificate; brokers still talk PLAINTEXT. */
    SSL_ADDED("ssl-added"),
    /** Both listeners; inter-broker traffic on SSL. */
    SSL_INTER_BROKER("ssl-inter-broker"),
    /** SSL only; the PLAINTEXT port is closed. */
    SSL_ONLY("ssl-only");

    private final String key;

    ListenerPhase(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<ListenerPhase> parse(String s) {
        return Arrays.stream(values()).filter(p -> p.key.equals(s)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ListenerPhase::key).toList();
    }

    @Override
    public String toString() {
        return key;
    }
}
