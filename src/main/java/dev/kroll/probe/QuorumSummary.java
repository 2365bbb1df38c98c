package dev.kroll.probe;

import java.util.List;

/**
 * The ensemble at a glance.
 *
 * @param members  voting members in the inventory
 * @param serving  members that answered and serve clients
 * @param leader   host name of the leader (or the standalone server), or null
 * @param down     host names of members that do not answer or do not serve, with no particular order
 */
public record QuorumSummary(int members, int serving, boolean hasQuorum, String leader, List<String> down) {

    public QuorumSummary {
        down = List.copyOf(down);
    }

    /** Votes needed for a quorum. */
    public int majority() {
        return members / 2 + 1;
    }

    /** How many more members may fail before the quorum is lost (negative when already lost). */
    public int tolerance() {
        return serving - majority();
    }
}
