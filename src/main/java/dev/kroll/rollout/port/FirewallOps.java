package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import dev.kroll.util.Problem;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/** Applying a host's rendered firewall rules (the {@code apply-firewall} step). */
public interface FirewallOps {

    /** The host's rules as they would be applied, for review. */
    String rules(Host host);

    /**
     * The SSH safety check: the refusal when the rules would drop SSH from the jump host, else empty. Changes nothing.
     *
     * @param jumpHost the address the host sees kroll connect from, or null to ask the host ({@code $SSH_CLIENT})
     */
    Optional<Problem> safety(Host host, String jumpHost) throws IOException;

    /**
     * Uploads and validates the rules, saves the current ones and arms a timer on the host that restores
     * them, applies atomically, and disarms the timer only once a new SSH connection works.
     *
     * @return one line saying what was done
     */
    String apply(Host host, Duration rollbackAfter) throws IOException;
}
