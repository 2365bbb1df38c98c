package dev.kroll.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Against answers recorded from real ZooKeeper 3.9.3 servers (src/test/resources/zk/). */
class ZkStatsParserTest {

    static String recorded(String name) throws IOException {
        try (InputStream in = ZkStatsParserTest.class.getResourceAsStream("/zk/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void srvrOfTheLeaderGivesModeZxidLatencyAndCounts() throws IOException {
        ZkAnswer a = ZkStatsParser.parseSrvr(recorded("leader-srvr.txt"));
        assertEquals(ZkAnswer.Kind.STATS, a.kind());
        ZkServerStats s = a.stats();
        assertEquals(ZkMode.LEADER, s.mode());
        assertEquals("3.9.3", s.version());
        assertEquals(0x100000000L, s.zxid());
        assertEquals("0x100000000", s.zxidHex());
        assertEquals(0L, s.latencyMinMs());
        assertEquals(0.0, s.latencyAvgMs());
        assertEquals(0L, s.latencyMaxMs());
        assertEquals(0L, s.outstandingRequests());
        assertEquals(1L, s.connections());
        assertEquals(5L, s.znodeCount());
    }

    @Test
    void mntrOfTheLeaderGivesFollowerCountsButAFollowersCountsAreIgnored() throws IOException {
        ZkServerStats leader = ZkStatsParser.parseMntr(recorded("leader-mntr.txt")).stats();
        assertEquals(ZkMode.LEADER, leader.mode());
        assertEquals(2, leader.followers());
        assertEquals(2, leader.syncedFollowers());
        assertEquals(5L, leader.znodeCount());
        assertNull(leader.zxid());
        ZkServerStats follower = ZkStatsParser.parseMntr(recorded("follower-mntr.txt")).stats();
        assertEquals(ZkMode.FOLLOWER, follower.mode());
        assertNull(follower.syncedFollowers());
        assertEquals(1L, follower.connections());
    }

    @Test
    void srvrAndMntrMergeWithMntrFirstAndSrvrFillingTheZxid() throws IOException {
        ZkServerStats merged = ZkStatsParser.parseMntr(recorded("leader-mntr.txt")).stats()
                .orElse(ZkStatsParser.parseSrvr(recorded("leader-srvr.txt")).stats());
        assertEquals(0x100000000L, merged.zxid());
        assertEquals(2, merged.syncedFollowers());
    }

    @Test
    void aCommandMissingFromTheWhitelistIsRecognised() throws IOException {
        ZkAnswer a = ZkStatsParser.parseMntr(recorded("rejected-mntr.txt"));
        assertEquals(ZkAnswer.Kind.NOT_WHITELISTED, a.kind());
        assertEquals("mntr is not executed because it is not in the whitelist.", a.text());
    }

    @Test
    void aServerWithoutQuorumSaysItIsNotServing() {
        ZkAnswer a = ZkStatsParser.parseSrvr("This ZooKeeper instance is not currently serving requests\n");
        assertEquals(ZkAnswer.Kind.NOT_SERVING, a.kind());
        assertEquals(ZkMode.NOT_SERVING, a.stats().mode());
    }

    @Test
    void olderServersNameLearnersFollowers() {
        String mntr = "zk_version\t3.4.14-4c25d480e66aadd371de8bd2fd8da255ac140bcf, built on 03/06/2019 16:18 GMT\n"
                + "zk_server_state\tleader\nzk_followers\t4\nzk_synced_followers\t4\nzk_avg_latency\t1\n";
        ZkServerStats s = ZkStatsParser.parseMntr(mntr).stats();
        assertEquals("3.4.14", s.version());
        assertEquals(4, s.followers());
        assertEquals(1.0, s.latencyAvgMs());
    }

    @Test
    void theAdminServersJsonGivesTheSameStats() throws IOException {
        ZkServerStats s = ZkStatsParser.parseAdminMntr(recorded("admin-mntr.json")).stats();
        assertEquals(ZkMode.STANDALONE, s.mode());
        assertEquals(ZkServerStats.Via.ADMIN_SERVER, s.via());
        assertEquals(5L, s.znodeCount());
        assertEquals(0L, s.connections());
        assertEquals(0L, ZkStatsParser.parseAdminZxid(recorded("admin-srvr.json")));
        assertEquals(ZkAnswer.Kind.UNREADABLE, ZkStatsParser.parseAdminMntr(recorded("admin-unknown.json")).kind());
        assertEquals("Unknown command: nonsense", ZkStatsParser.parseAdminMntr(recorded("admin-unknown.json")).text());
    }

    @Test
    void garbageIsUnreadableNotAnException() {
        assertEquals(ZkAnswer.Kind.UNREADABLE, ZkStatsParser.parseSrvr("HTTP/1.1 400 Bad Request\n").kind());
        assertEquals(ZkAnswer.Kind.UNREADABLE, ZkStatsParser.parseMntr("").kind());
        assertEquals(ZkAnswer.Kind.UNREADABLE, ZkStatsParser.parseAdminMntr("<html>").kind());
    }
}
