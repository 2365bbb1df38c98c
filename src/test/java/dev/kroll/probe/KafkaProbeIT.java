package dev.kroll.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.probe.HealthVerdict.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kafka probe against a real ZooKeeper holding broker registrations as Kafka writes them, and
 * broker ports where nothing listens: registrations are read and mapped to hosts, while the
 * AdminClient's view is unreachable with the reason. (The sandbox end-to-end tests cover live brokers.)
 */
class KafkaProbeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static TestingServer zk;
    private static ZkSession session;
    private static ExecutorService pool;
    private static int deadPort;

    @BeforeAll
    static void start() throws Exception {
        InstanceSpec spec = new InstanceSpec(null, -1, -1, -1, true, 1, -1, -1, Map.of("clientPortAddress", "127.0.0.1"), "127.0.0.1");
        zk = new TestingServer(spec, true);
        ZkTarget target = new ZkTarget("zk1", "127.0.0.1", spec.getPort(), 0);
        session = ZkSession.start(List.of(target), "/kafka", TIMEOUT, Clock.systemUTC());
        assertTrue(session.awaitConnected(Duration.ofSeconds(10)));
        for (int id = 1; id <= 2; id++) {
            String json = "{\"endpoints\":[\"PLAINTEXT://127.0.0." + (id + 1) + ":9092\"],\"host\":\"127.0.0." + (id + 1)
                    + "\",\"port\":9092,\"version\":5,\"timestamp\":\"1714557600000\"}";
            session.curator().create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL)
                    .forPath("/brokers/ids/" + id, json.getBytes(StandardCharsets.UTF_8));
        }
        session.curator().create().withMode(CreateMode.EPHEMERAL).forPath("/controller",
                "{\"version\":2,\"brokerid\":1,\"timestamp\":\"1714557600000\"}".getBytes(StandardCharsets.UTF_8));
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        pool = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() throws Exception {
        pool.shutdownNow();
        session.close();
        zk.close();
    }

    @Test
    void registrationsAreReadAndMappedToHostsWhileTheDeadBrokersAreReportedWithTheReason() throws Exception {
        List<KafkaTarget> targets = List.of(
                new KafkaTarget("kafka1", "127.0.0.1", List.of("kafka1", "127.0.0.2"), null, deadPort),
                new KafkaTarget("kafka2", "127.0.0.1", List.of("kafka2", "127.0.0.3"), null, deadPort),
                new KafkaTarget("kafka3", "127.0.0.1", List.of("kafka3", "127.0.0.4"), null, deadPort));
        try (KafkaProbe probe = new KafkaProbe(targets, session, Map.of(), TIMEOUT)) {
            KafkaSnapshot k = probe.read(pool, Instant.now());
            Registrations reg = k.registrations().value();
            assertEquals(1, reg.controller());
            assertEquals(List.of(1, 2), reg.brokers().stream().map(BrokerRegistration::id).toList());
            assertEquals(List.of("PLAINTEXT://127.0.0.3:9092"), reg.broker(2).orElseThrow().endpoints());
            assertEquals(List.of(new KafkaSnapshot.HostBroker("kafka1", 1), new KafkaSnapshot.HostBroker("kafka2", 2),
                    new KafkaSnapshot.HostBroker("kafka3", null)), k.brokerHosts());
            assertEquals(Freshness.Status.UNREACHABLE, k.cluster().freshness().status());

            session.curator().delete().forPath("/brokers/ids/2");
            KafkaSnapshot after = probe.read(pool, Instant.now());
            HealthVerdict v = HealthVerdict.of(KafkaHealth.findings(after));
            assertEquals(Level.CRITICAL, v.level());
            assertEquals("Kafka not answering: no answer from any of 3 brokers within 2s", v.reasons().get(0));
            assertTrue(v.reasons().contains("broker 2 (kafka2) down: not registered in ZooKeeper (/brokers/ids)"), v.reasons().toString());
            assertTrue(v.reasons().contains("no broker registered from kafka3 (/brokers/ids)"), v.reasons().toString());
        }
    }
}
