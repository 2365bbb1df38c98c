package dev.kroll.remote;

import java.time.Duration;

/**
 * The result of an action on one host.
 *
 * @param reason one line: what changed, or why it failed
 * @param value  the action's value (e.g. {@link HostFacts}), null when failed
 */
public record HostResult<T>(String host, Status status, String reason, T value, Duration took) {

    public boolean failed() {
        return status == Status.FAILED;
    }

    public String line() {
        return host + ": " + status + (reason == null || reason.isBlank() ? "" : " — " + reason);
    }
}
