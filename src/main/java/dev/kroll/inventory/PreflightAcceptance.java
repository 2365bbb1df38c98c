package dev.kroll.inventory;

import dev.kroll.util.SourcePos;
import java.util.List;

/**
 * An operator's explicit acceptance of a preflight finding ({@code preflight.accept} in the inventory,
 * or {@code --accept CHECK[@HOST]}): the finding is still shown and journalled, marked accepted with
 * the reason, but no longer stops the run.
 *
 * @param hosts the hosts it applies to; empty: every host
 * @param reason why it is acceptable (mandatory)
 */
public record PreflightAcceptance(PreflightCheck check, List<String> hosts, String reason, SourcePos pos) {

    public PreflightAcceptance {
        hosts = List.copyOf(hosts);
    }

    public boolean covers(PreflightCheck c, String host) {
        return check == c && (hosts.isEmpty() || hosts.contains(host));
    }

    /** {@code nofile} or {@code nofile@kafka1, kafka2}. */
    public String label() {
        return check.id() + (hosts.isEmpty() ? "" : "@" + String.join(", ", hosts));
    }
}
