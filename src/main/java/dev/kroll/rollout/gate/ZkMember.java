package dev.kroll.rollout.gate;

/**
 * One ZooKeeper server as {@code srvr}/{@code mntr} report it.
 *
 * @param followers       on the leader: {@code zk_followers}; null elsewhere or unknown
 * @param syncedFollowers on the leader: {@code zk_synced_followers}; null elsewhere or unknown
 */
public record ZkMember(int myid, String host, ZkMode mode, Integer followers, Integer syncedFollowers) {

    public enum ZkMode { LEADER, FOLLOWER, OBSERVER, STANDALONE, DOWN }

    public static ZkMember follower(int myid, String host) {
        return new ZkMember(myid, host, ZkMode.FOLLOWER, null, null);
    }

    public static ZkMember leader(int myid, String host, int followers, int synced) {
        return new ZkMember(myid, host, ZkMode.LEADER, followers, synced);
    }

    public static ZkMember down(int myid, String host) {
        return new ZkMember(myid, host, ZkMode.DOWN, null, null);
    }

    public boolean up() {
        return mode != ZkMode.DOWN;
    }

    public String label() {
        return host + " (myid " + myid + ")";
    }
}
