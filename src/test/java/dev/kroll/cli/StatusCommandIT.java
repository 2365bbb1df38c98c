package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kroll status} on a real 3-server ZooKeeper ensemble (one loopback address each) with a
 * broker host where no broker runs: the verdict is critical, says why, and the exit code is 3.
 */
class StatusCommandIT {

    private static TestingCluster cluster;
    private static List<InstanceSpec> specs;
    private static int deadPort;

    @BeforeAll
    static void start() throws Exception {
        specs = new ArrayList<>();
        for (int id = 1; id <= 3; id++) {
            String address = "127.0.0." + id;
            specs.add(new InstanceSpec(null, -1, -1, -1, true, id, -1, -1, Map.of("clientPortAddress", address), address));
        }
        cluster = new TestingCluster(specs);
        cluster.start();
        for (InstanceSpec spec : specs) {
            awaitServing(spec);
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.4"))) {
            deadPort = s.getLocalPort();
        }
    }

    /** start() returns before leader election ends; the tests describe a formed quorum, so wait for every member to serve. */
    private static void awaitServing(InstanceSpec spec) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket sock = new java.net.Socket(spec.getHostname(), spec.getPort())) {
                sock.setSoTimeout(2000);
                sock.getOutputStream().write("srvr".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(sock.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
                if (answer.contains("Mode: leader") || answer.contains("Mode: follower")) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening or not serving yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ZooKeeper " + spec.getHostname() + ":" + spec.getPort() + " did not join a quorum within 60 s");
    }

    @AfterAll
    static void stop() throws Exception {
        cluster.close();
    }

    private static Path inventory(Path dir) throws Exception {
        StringBuilder y = new StringBuilder("cluster:\n  name: probe-test\nhosts:\n");
        for (InstanceSpec s : specs) {
            y.append("  - name: zk").append(s.getServerId()).append("\n    address: ").append(s.getHostname())
                    .append("\n    roles: [zookeeper]\n    zookeeper_id: ").append(s.getServerId())
                    .append("\n    ports: {zookeeper_client: ").append(s.getPort()).append(", zookeeper_admin: 1}\n");
        }
        y.append("  - name: kafka1\n    address: 127.0.0.4\n    roles: [kafka]\n    broker_id: 1\n    ports: {kafka_plaintext: ")
                .append(deadPort).append("}\n");
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, y.toString());
        return file;
    }

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void aClusterWithoutItsBrokerIsCriticalSaysWhyAndExitsThree(@TempDir Path dir) throws Exception {
        Path inv = inventory(dir);
        String[] r = run("status", "-i", inv.toString(), "--timeout", "2");
        assertEquals("3", r[0], r[1] + r[2]);
        assertTrue(r[1].startsWith("cluster probe-test: CRITICAL"), r[1]);
        assertTrue(r[1].contains("  - Kafka not answering: no answer from 127.0.0.4:" + deadPort + " within 2s"), r[1]);
        assertTrue(r[1].contains("quorum: yes, 3 of 3 serving"), r[1]);
        // no SSH server on these addresses (or no key to offer): service states and JMX are notes, per host
        assertTrue(r[1].contains("  cannot read kafka service state on kafka1: "), r[1]);
        assertTrue(r[1].contains("  JMX of broker 1 (kafka1) unreachable: "), r[1]);
    }

    @Test
    void jsonCarriesTheVerdictReasonsAndTheSnapshot(@TempDir Path dir) throws Exception {
        Path inv = inventory(dir);
        String[] r = run("status", "-i", inv.toString(), "--json", "--jmx", "none", "--timeout", "2");
        assertEquals("3", r[0], r[2]);
        JsonNode doc = new ObjectMapper().readTree(r[1]);
        assertEquals("critical", doc.get("verdict").asText());
        assertEquals(3, doc.path("snapshot").path("zookeeper").path("servers").size());
        assertTrue(doc.path("snapshot").path("zookeeper").path("quorum").path("hasQuorum").asBoolean());
        assertEquals("UNREACHABLE", doc.path("snapshot").path("kafka").path("cluster").path("freshness").path("status").asText());
    }

    @Test
    void aWatchIntervalBelowOneSecondIsBadInput(@TempDir Path dir) throws Exception {
        String[] r = run("status", "-i", inventory(dir).toString(), "--watch", "0");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--watch takes a number of seconds of at least 1"), r[2]);
    }
}
