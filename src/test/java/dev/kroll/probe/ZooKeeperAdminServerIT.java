package dev.kroll.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.zookeeper.server.command.FourLetterCommands;
import org.apache.zookeeper.server.embedded.ExitHandler;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real standalone ZooKeeper with mntr left out of its whitelist and its AdminServer on loopback. */
class ZooKeeperAdminServerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static ZooKeeperServerEmbedded server;
    private static int clientPort;
    private static int adminPort;
    private static ExecutorService pool;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        clientPort = freePort();
        adminPort = freePort();
        Properties p = new Properties();
        p.put("clientPort", String.valueOf(clientPort));
        p.put("clientPortAddress", "127.0.0.1");
        p.put("admin.enableServer", "true");
        p.put("admin.serverAddress", "127.0.0.1");
        p.put("admin.serverPort", String.valueOf(adminPort));
        p.put("4lw.commands.whitelist", "srvr,ruok");
        server = ZooKeeperServerEmbedded.builder().baseDir(dir).configuration(p).exitHandler(ExitHandler.LOG_ONLY).build();
        server.start(10_000);
        FourLetterCommands.resetWhiteList();
        pool = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        server.close();
        System.clearProperty("zookeeper.4lw.commands.whitelist");
        System.clearProperty("zookeeper.admin.enableServer");
        FourLetterCommands.resetWhiteList();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void mntrOutsideTheWhitelistIsReadFromTheAdminServerAndTheFixIsNamed() {
        ZkTarget t = new ZkTarget("zk1", "127.0.0.1", clientPort, adminPort);
        ZooKeeperSnapshot zk = new ZooKeeperProbe(List.of(t), null, TIMEOUT).read(pool, Instant.now());
        ZkServerSnapshot s = zk.servers().get(0);
        assertEquals(ZkMode.STANDALONE, s.mode());
        assertEquals(ZkServerStats.Via.ADMIN_SERVER, s.stats().value().via());
        assertNotNull(s.stats().value().znodeCount());
        assertNotNull(s.stats().value().zxid());
        assertEquals(List.of("mntr is not in 4lw.commands.whitelist (read from the AdminServer instead); "
                + "add 4lw.commands.whitelist=srvr,mntr,ruok to zoo.cfg and restart it"), s.notes());
        assertTrue(zk.quorum().hasQuorum());
        HealthVerdict v = HealthVerdict.of(ZooKeeperHealth.findings(zk));
        assertEquals(HealthVerdict.Level.HEALTHY, v.level());
        assertEquals(1, v.notes().size());
    }

    @Test
    void anAdminServerThatDoesNotAnswerIsSaidSoAndSrvrStillGivesTheMode() throws Exception {
        int nothing = freePort();
        ZkTarget t = new ZkTarget("zk1", "127.0.0.1", clientPort, nothing);
        ZkServerSnapshot s = new ZooKeeperProbe(List.of(t), null, TIMEOUT).read(pool, Instant.now()).servers().get(0);
        assertEquals(ZkMode.STANDALONE, s.mode());
        assertEquals(ZkServerStats.Via.FOUR_LETTER_WORDS, s.stats().value().via());
        assertEquals(List.of("mntr is not in 4lw.commands.whitelist and the AdminServer on 127.0.0.1:" + nothing
                + " did not answer (connection refused on 127.0.0.1:" + nothing + "); "
                + "add 4lw.commands.whitelist=srvr,mntr,ruok to zoo.cfg and restart it"), s.notes());
    }
}
