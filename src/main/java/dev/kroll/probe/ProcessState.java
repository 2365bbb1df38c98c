package dev.kroll.probe;

import java.time.Instant;

/**
 * A service's state on its host, from the service manager.
 *
 * @param state  the manager's word ({@code active}, {@code inactive}, {@code failed}, {@code activating};
 *               with a status script: {@code running} or {@code stopped})
 * @param pid    the main PID, or null
 * @param since  when it entered the active state (systemd's ActiveEnterTimestamp), or null
 */
public record ProcessState(boolean active, String state, Long pid, Instant since) {
}
