package dev.kroll.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One source's value with its {@link Freshness}. A failed read keeps the previous good value
 * (STALE) for up to {@link #KEEP_STALE}; after that, or without one, it is UNREACHABLE.
 *
 * @param value the last good value, or null when UNREACHABLE
 */
public record Reading<T>(T value, Freshness freshness) {

    /** How long a last good value is still shown after reads started failing. */
    public static final Duration KEEP_STALE = Duration.ofMinutes(10);

    public Reading {
        Objects.requireNonNull(freshness, "freshness");
        if (freshness.status() == Freshness.Status.UNREACHABLE) {
            value = null;
        } else {
            Objects.requireNonNull(value, "value of an OK or STALE reading");
        }
    }

    public static <T> Reading<T> ok(T value, Instant at) {
        return new Reading<>(value, Freshness.ok(at));
    }

    public static <T> Reading<T> unreachable(String reason) {
        return new Reading<>(null, new Freshness(Freshness.Status.UNREACHABLE, null, reason));
    }

    /** The result of a failed read at {@code now}, keeping {@code previous}'s value if it is recent enough. */
    public static <T> Reading<T> failed(Reading<T> previous, Instant now, String reason) {
        if (previous != null && previous.value != null && previous.freshness.lastGood() != null
                && Duration.between(previous.freshness.lastGood(), now).compareTo(KEEP_STALE) <= 0) {
            return new Reading<>(previous.value, new Freshness(Freshness.Status.STALE, previous.freshness.lastGood(), reason));
        }
        return unreachable(reason);
    }

    public boolean isOk() {
        return freshness.isOk();
    }

    /** The value if it was read in this refresh. */
    public Optional<T> current() {
        return isOk() ? Optional.of(value) : Optional.empty();
    }

    /** The value shown (current or stale). */
    public Optional<T> shown() {
        return Optional.ofNullable(value);
    }
}
