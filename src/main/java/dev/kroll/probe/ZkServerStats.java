package dev.kroll.probe;

/**
 * What one ZooKeeper server reported. Numbers the server did not report are null (e.g. followers
 * on a follower, zxid when only the AdminServer's {@code mntr} could be read).
 *
 * @param zxid           last processed transaction id, or null
 * @param latencyAvgMs   average request latency in milliseconds
 * @param followers      on the leader: learners connected (followers and observers)
 * @param syncedFollowers on the leader: voting followers in sync
 * @param via            which interface answered
 */
public record ZkServerStats(ZkMode mode, String version, Long zxid,
                           Long latencyMinMs, Double latencyAvgMs, Long latencyMaxMs,
                           Long outstandingRequests, Long connections, Long znodeCount,
                           Integer followers, Integer syncedFollowers, Via via) {

    /** The interface the stats came from. */
    public enum Via { FOUR_LETTER_WORDS, ADMIN_SERVER }

    /** A server that answers but is not serving (it lost its quorum or is still electing). */
    public static ZkServerStats notServing(Via via) {
        return new ZkServerStats(ZkMode.NOT_SERVING, null, null, null, null, null, null, null, null, null, null, via);
    }

    /** This record's values, filling the gaps from {@code other} (used to merge srvr and mntr). */
    public ZkServerStats orElse(ZkServerStats other) {
        if (other == null) {
            return this;
        }
        return new ZkServerStats(mode == ZkMode.UNKNOWN || mode == null ? other.mode : mode,
                first(version, other.version), first(zxid, other.zxid),
                first(latencyMinMs, other.latencyMinMs), first(latencyAvgMs, other.latencyAvgMs),
                first(latencyMaxMs, other.latencyMaxMs), first(outstandingRequests, other.outstandingRequests),
                first(connections, other.connections), first(znodeCount, other.znodeCount),
                first(followers, other.followers), first(syncedFollowers, other.syncedFollowers), via);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    /** zxid as operators read it: {@code 0x10000002a}. */
    public String zxidHex() {
        return zxid == null ? "-" : "0x" + Long.toHexString(zxid);
    }
}
