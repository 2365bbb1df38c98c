package dev.kroll.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.probe.HealthVerdict.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.apache.zookeeper.server.command.FourLetterCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A real 3-server ZooKeeper ensemble on 127.0.0.1 (Curator's TestingCluster). The tests run in
 * order on one ensemble: healthy, a follower killed, then a second server killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ZooKeeperProbeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static TestingCluster cluster;
    private static List<InstanceSpec> specs;
    private static ZkSession session;
    private static ZooKeeperProbe probe;
    private static ExecutorService pool;

    @BeforeAll
    static void startEnsemble() throws Exception {
        specs = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            specs.add(new InstanceSpec(null, -1, -1, -1, true, id, -1, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1"));
        }
        cluster = new TestingCluster(specs);
        cluster.start();
        List<ZkTarget> targets = specs.stream().map(s -> new ZkTarget("zk" + s.getServerId(), "127.0.0.1", s.getPort(), 0)).toList();
        session = ZkSession.start(targets, "/kafka", TIMEOUT, Clock.systemUTC());
        probe = new ZooKeeperProbe(targets, session, TIMEOUT);
        pool = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stopEnsemble() throws Exception {
        pool.shutdownNow();
        session.close();
        cluster.close();
    }

    /** Reads until the snapshot satisfies {@code done} (the ensemble needs a moment to elect), at most 60 reads. */
    private static ZooKeeperSnapshot readUntil(Predicate<ZooKeeperSnapshot> done) throws InterruptedException {
        ZooKeeperSnapshot s = null;
        for (int i = 0; i < 60; i++) {
            s = probe.read(pool, Clock.systemUTC().instant());
            if (done.test(s)) {
                return s;
            }
            Thread.sleep(500);
        }
        return s;
    }

    private static HealthVerdict verdict(ZooKeeperSnapshot zk) {
        return HealthVerdict.of(ZooKeeperHealth.findings(zk));
    }

    @Test
    @Order(1)
    void aHealthyEnsembleHasOneLeaderTwoSyncedFollowersAndQuorum() throws Exception {
        ZooKeeperSnapshot zk = readUntil(s -> s.quorum().serving() == 3 && s.quorum().leader() != null && s.session().connected());
        assertTrue(zk.quorum().hasQuorum());
        assertEquals(List.of(), zk.quorum().down());
        assertEquals(1, zk.servers().stream().filter(s -> s.mode() == ZkMode.LEADER).count());
        assertEquals(2, zk.servers().stream().filter(s -> s.mode() == ZkMode.FOLLOWER).count());
        ZkServerStats leader = zk.server(zk.quorum().leader()).orElseThrow().stats().value();
        assertEquals(2, leader.syncedFollowers());
        assertNotNull(leader.zxid());
        assertEquals(ZkServerStats.Via.FOUR_LETTER_WORDS, leader.via());
        assertEquals(Level.HEALTHY, verdict(zk).level(), verdict(zk).findings().toString());
    }

    @Test
    @Order(2)
    void aCommandLeftOutOfTheWhitelistIsNamedWithTheFixAndSrvrStillReads() throws Exception {
        System.setProperty("zookeeper.4lw.commands.whitelist", "srvr,ruok");
        FourLetterCommands.resetWhiteList();
        try {
            ZkServerSnapshot one = probe.read(pool, Clock.systemUTC().instant()).servers().get(0);
            assertTrue(one.serving());
            assertEquals(List.of("mntr is not in 4lw.commands.whitelist and no AdminServer port is configured; "
                    + "add 4lw.commands.whitelist=srvr,mntr,ruok to zoo.cfg and restart it"), one.notes());
        } finally {
            System.setProperty("zookeeper.4lw.commands.whitelist", "*");
            FourLetterCommands.resetWhiteList();
        }
    }

    @Test
    @Order(3)
    void killingAFollowerDegradesWithThatMemberDownAndTheQuorumKept() throws Exception {
        ZooKeeperSnapshot before = probe.read(pool, Clock.systemUTC().instant());
        ZkServerSnapshot follower = before.servers().stream().filter(s -> s.mode() == ZkMode.FOLLOWER).findFirst().orElseThrow();
        cluster.killServer(spec(follower.host()));
        ZooKeeperSnapshot zk = readUntil(s -> s.quorum().down().size() == 1);
        assertEquals(List.of(follower.host()), zk.quorum().down());
        assertTrue(zk.quorum().hasQuorum());
        assertEquals(2, zk.quorum().serving());
        assertEquals(Freshness.Status.STALE, zk.server(follower.host()).orElseThrow().stats().freshness().status());
        HealthVerdict v = verdict(zk);
        assertEquals(Level.DEGRADED, v.level());
        assertEquals("ZooKeeper " + follower.host() + " down (connection refused on 127.0.0.1:" + follower.clientPort()
                + "); quorum kept (2 of 3), one more failure loses it", v.reasons().get(0));
    }

    @Test
    @Order(4)
    void killingASecondServerLosesTheQuorumAndIsCritical() throws Exception {
        ZooKeeperSnapshot before = probe.read(pool, Clock.systemUTC().instant());
        ZkServerSnapshot another = before.servers().stream().filter(ZkServerSnapshot::serving).findFirst().orElseThrow();
        cluster.killServer(spec(another.host()));
        ZooKeeperSnapshot zk = readUntil(s -> !s.quorum().hasQuorum() && s.quorum().serving() == 0);
        assertFalse(zk.quorum().hasQuorum());
        assertEquals(3, zk.quorum().down().size());
        ZkServerSnapshot survivor = zk.servers().stream().filter(s -> s.stats().isOk()).findFirst().orElseThrow();
        assertEquals(ZkMode.NOT_SERVING, survivor.mode());
        HealthVerdict v = verdict(zk);
        assertEquals(Level.CRITICAL, v.level());
        assertTrue(v.reasons().get(0).startsWith("ZooKeeper has no quorum: 0 of 3 serving, 2 needed; "), v.reasons().get(0));
        assertTrue(v.reasons().get(0).contains(survivor.host() + " up but not serving"), v.reasons().get(0));
    }

    private static InstanceSpec spec(String host) {
        return specs.stream().filter(s -> ("zk" + s.getServerId()).equals(host)).findFirst().orElseThrow();
    }
}
