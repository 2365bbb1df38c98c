package dev.kroll.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How fresh one source's value is: {@link Status#OK} (read in this refresh), {@link Status#STALE}
 * (this refresh failed; the last good value is kept and {@link #lastGood} says from when) or
 * {@link Status#UNREACHABLE} (no usable value). {@code reason} says in plain words why the last
 * read failed, or is null when it did not.
 *
 * @param lastGood when the value shown was read, or null when there is none
 */
public record Freshness(Status status, Instant lastGood, String reason) {

    public enum Status { OK, STALE, UNREACHABLE }

    public Freshness {
        Objects.requireNonNull(status, "status");
    }

    public static Freshness ok(Instant at) {
        return new Freshness(Status.OK, at, null);
    }

    public boolean isOk() {
        return status == Status.OK;
    }

    /** How old the value shown is at {@code now}, or null when there is none. */
    public Duration age(Instant now) {
        return lastGood == null ? null : Duration.between(lastGood, now);
    }

    /** One phrase for a screen: {@code ok}, {@code stale 12s: connection refused}, {@code unreachable: ...}. */
    public String describe(Instant now) {
        return switch (status) {
            case OK -> "ok";
            case STALE -> "stale " + Durations.brief(age(now)) + ": " + reason;
            case UNREACHABLE -> "unreachable: " + reason;
        };
    }
}
