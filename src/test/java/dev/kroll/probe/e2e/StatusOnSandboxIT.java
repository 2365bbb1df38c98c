package dev.kroll.probe.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kroll.cli.Main;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.Freshness;
import dev.kroll.probe.JmxSnapshot;
import dev.kroll.probe.ProcessSnapshot;
import dev.kroll.probe.SshAccess;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshOptions;
import dev.kroll.remote.SshSessions;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code kroll status} against a real 3-host sandbox, as an operator runs it: JMX through one SSH
 * forward per broker over kroll's connections (the default), service states from each host's service
 * manager over SSH. One sandbox, ordered steps: healthy; a ZooKeeper follower killed (degraded, quorum
 * kept); a second member killed (critical, no quorum); healed; a broker stopped (its partitions named
 * under-replicated); restarted (healthy again). Every wait is for an observable state, bounded.
 */
@KrollSandbox(hosts = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusOnSandboxIT {

    static final String TOPIC = "orders";
    static final Duration WAIT = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    record Status(int code, String out, String err, JsonNode doc) {

        String verdict() {
            return doc == null ? "?" : doc.path("verdict").asText();
        }

        List<String> reasons() {
            List<String> r = new ArrayList<>();
            if (doc != null) {
                doc.path("reasons").forEach(n -> r.add(n.asText()));
            }
            return r;
        }

        boolean says(String fragment) {
            return reasons().stream().anyMatch(r -> r.contains(fragment));
        }
    }

    static Status status(SandboxCluster cluster, boolean json) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("status", "-i", cluster.inventoryFile().toString(), "--timeout", "10"));
        if (json) {
            args.add("--json");
        }
        int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Status(code, out.toString(), err.toString(), json && code != 2 && code != 1 ? JSON.readTree(out.toString()) : null);
    }

    /** Runs {@code kroll status --json} until {@code wanted} holds (a real state of the cluster), at most {@link #WAIT}. */
    static Status awaitStatus(SandboxCluster cluster, String what, Predicate<Status> wanted) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        Status last = null;
        while (System.nanoTime() < end) {
            last = status(cluster, true);
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        fail("kroll status did not come to show " + what + " within " + WAIT.toSeconds() + " s; last: exit " + last.code()
                + " " + last.verdict() + " " + last.reasons() + last.err());
        return last;
    }

    static boolean allJmxOk(Status s) {
        JsonNode jmx = s.doc().path("snapshot").path("jmx");
        boolean ok = jmx.size() == 3;
        for (JsonNode j : jmx) {
            ok &= "OK".equals(j.path("metrics").path("freshness").path("status").asText());
        }
        return ok;
    }

    @BeforeAll
    static void topic(SandboxCluster cluster) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 3))).all().get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void aHealthyClusterReadsHealthyWithEveryBrokersJmxThroughItsOwnTunnelAndEveryServiceActive(SandboxCluster cluster) throws Exception {
        // a new topic's replicas take a moment to join the ISR: wait for the state, then read it as an operator would
        Status s = awaitStatus(cluster, "healthy", x -> x.code() == 0 && allJmxOk(x));
        assertEquals("healthy", s.verdict(), s.reasons().toString());

        JsonNode snap = s.doc().path("snapshot");
        Set<String> routes = new HashSet<>();
        long controllers = 0;
        for (JsonNode j : snap.path("jmx")) {
            String route = j.path("route").asText();
            Host h = cluster.inventory().host(j.path("host").asText()).orElseThrow();
            assertEquals("ssh tunnel to " + h.address() + ":" + h.ports().kafkaJmx(), route);
            routes.add(route);
            JsonNode m = j.path("metrics").path("value");
            assertEquals(3, m.path("brokerState").asInt(), j.toString());
            assertEquals(cluster.brokerId(h), j.path("brokerId").asInt());
            controllers += m.path("activeControllerCount").asLong();
        }
        assertEquals(3, routes.size(), "three brokers, three forwards, read in one refresh");
        // three different brokers answered, not one broker three times: exactly one of them is the controller
        assertEquals(1, controllers, snap.path("jmx").toString());

        JsonNode processes = snap.path("processes");
        assertEquals(6, processes.size(), "ZooKeeper and Kafka on each of the 3 hosts");
        for (JsonNode p : processes) {
            JsonNode st = p.path("state");
            assertEquals("OK", st.path("freshness").path("status").asText(), p.toString());
            assertTrue(st.path("value").path("active").asBoolean(), p.toString());
            Host h = cluster.inventory().host(p.path("host").asText()).orElseThrow();
            Role role = Role.valueOf(p.path("service").asText());
            assertEquals(cluster.process(h, role).orElseThrow().pid(), st.path("value").path("pid").asLong(), p.toString());
        }

        Status text = status(cluster, false);
        assertEquals(0, text.code(), text.out() + text.err());
        assertTrue(text.out().startsWith("cluster " + cluster.inventory().cluster() + ": HEALTHY"), text.out());
        assertFalse(text.out().contains("JMX not read"), text.out());
    }

    @Test
    @Order(2)
    void aKilledZookeeperFollowerIsDegradedWithThatMemberDownAndTheQuorumKept(SandboxCluster cluster) throws Exception {
        Host follower = zookeeperIn(cluster, "follower");
        cluster.kill(follower, Role.ZOOKEEPER);

        Status s = awaitStatus(cluster, "ZooKeeper " + follower.name() + " down", x -> x.says("ZooKeeper " + follower.name()));
        assertEquals(3, s.code(), s.out());
        assertEquals("degraded", s.verdict(), s.reasons().toString());
        assertTrue(s.says("; quorum kept (2 of 3), one more failure loses it"), s.reasons().toString());
        assertTrue(s.says("zookeeper service stopped on " + follower.name()), s.reasons().toString());
        assertTrue(s.doc().path("snapshot").path("zookeeper").path("quorum").path("hasQuorum").asBoolean());
    }

    @Test
    @Order(3)
    void aSecondKilledMemberLeavesNoQuorumWhichIsCritical(SandboxCluster cluster) throws Exception {
        Host first = cluster.hosts(Role.ZOOKEEPER).stream().filter(h -> cluster.process(h, Role.ZOOKEEPER).isEmpty()).findFirst().orElseThrow();
        Host other = zookeeperIn(cluster, "follower");
        cluster.kill(other, Role.ZOOKEEPER);

        Status s = awaitStatus(cluster, "no quorum", x -> x.says("ZooKeeper has no quorum"));
        assertEquals(3, s.code(), s.out());
        assertEquals("critical", s.verdict(), s.reasons().toString());
        // the survivor serves until it notices it lost its quorum (1 of 3), then it does not (0 of 3)
        String noQuorum = s.reasons().stream().filter(r -> r.startsWith("ZooKeeper has no quorum: ")).findFirst().orElseThrow();
        assertTrue(noQuorum.matches("ZooKeeper has no quorum: [01] of 3 serving, 2 needed; .*"), noQuorum);
        assertTrue(noQuorum.contains(first.name() + " down (connection refused on ") && noQuorum.contains(other.name() + " down ("), noQuorum);
        assertFalse(s.doc().path("snapshot").path("zookeeper").path("quorum").path("hasQuorum").asBoolean());
    }

    @Test
    @Order(4)
    void withZookeeperRestartedTheClusterReadsHealthyAgain(SandboxCluster cluster) throws Exception {
        cluster.heal();
        Status s = awaitStatus(cluster, "healthy", x -> x.code() == 0);
        assertEquals("healthy", s.verdict(), s.reasons().toString());
    }

    @Test
    @Order(5)
    void aStoppedBrokersPartitionsAreUnderReplicatedAndTheTopicNamed(SandboxCluster cluster) throws Exception {
        Host broker = cluster.hosts(Role.KAFKA).get(1);
        int id = cluster.brokerId(broker);
        cluster.stop(broker, Role.KAFKA);

        Status s = awaitStatus(cluster, "under-replicated partitions of " + TOPIC, x -> x.says("under-replicated partitions on topic " + TOPIC));
        assertEquals(3, s.code(), s.out());
        assertEquals("degraded", s.verdict(), s.reasons().toString());
        String urp = s.reasons().stream().filter(r -> r.contains("on topic " + TOPIC)).findFirst().orElseThrow();
        assertTrue(urp.startsWith("6 under-replicated partitions on topic orders (orders-0, "), urp);
        // a stopped broker's registration is gone; a one-shot status names it by id (a watching probe remembers its host)
        assertTrue(urp.endsWith("; broker " + id + " not in ISR") || urp.endsWith("; broker " + id + " (" + broker.name() + ") not in ISR"), urp);
        assertTrue(s.says("kafka service stopped on " + broker.name()), s.reasons().toString());
        // its JMX is silent, which is expected of a broker that is down: a note, not a blind spot
        assertFalse(s.says("JMX of"), s.reasons().toString());

        Status text = status(cluster, false);
        assertEquals(3, text.code());
        assertTrue(text.out().contains("under-replicated partitions on topic orders"), text.out());
    }

    @Test
    @Order(6)
    void withTheBrokerRestartedTheClusterReadsHealthyAgain(SandboxCluster cluster) throws Exception {
        Host broker = cluster.hosts(Role.KAFKA).get(1);
        cluster.start(broker, Role.KAFKA);
        Status s = awaitStatus(cluster, "healthy with every JMX read", x -> x.code() == 0 && allJmxOk(x));
        assertEquals("healthy", s.verdict(), s.reasons().toString());
        assertTrue(s.reasons().isEmpty(), s.reasons().toString());
    }

    /**
     * One host's SSH cut while the probe keeps refreshing: only that host's service states and JMX turn
     * stale (last good value kept, the reason given); the other hosts, ZooKeeper and Kafka (still
     * running there) stay fresh in the same refreshes. With SSH back, the next refreshes reconnect and
     * reopen its forward on their own.
     */
    @Test
    @Order(7)
    void aHostWhoseSshIsCutMarksOnlyItsOwnServicesAndJmxStaleAndRecovers(SandboxCluster cluster) throws Exception {
        Host cut = cluster.host(2);
        try (SshSessions sessions = new SshSessions(SshOptions.defaults(cluster.inventory().stateDir(), NewHostKeyPolicy.REFUSE)
                .withConnectTimeout(Duration.ofSeconds(5)));
             ClusterProbe probe = new ClusterProbe(cluster.inventory(), ClusterProbe.Options.defaults().withTimeout(Duration.ofSeconds(10)),
                     new SshAccess(sessions), new SshAccess(sessions), Clock.systemUTC())) {
            // kroll's own ZooKeeper session connects in the background: wait for it too
            ClusterSnapshot before = awaitSnapshot(probe, "every source fresh and healthy",
                    x -> everyHostFresh(x) && probe.verdict(x).healthy());
            assertTrue(before.zookeeper().session().connected());

            cluster.cutSsh(cut);
            ClusterSnapshot s = awaitSnapshot(probe, cut.name() + "'s SSH data stale",
                    x -> x.processes().stream().filter(p -> p.host().equals(cut.name())).noneMatch(p -> p.state().isOk()));
            for (ProcessSnapshot p : s.processes()) {
                if (p.host().equals(cut.name())) {
                    assertEquals(Freshness.Status.STALE, p.state().freshness().status(), p.toString());
                    assertTrue(p.state().freshness().reason().contains("ssh " + cut.name()), p.toString());
                    assertTrue(p.state().value().active(), "the last good state is still shown: " + p);
                } else {
                    assertTrue(p.state().isOk(), p.toString());
                }
            }
            for (JmxSnapshot j : s.jmx()) {
                assertEquals(!j.host().equals(cut.name()), j.metrics().isOk(), j.toString());
            }
            assertTrue(s.zookeeper().servers().stream().allMatch(z -> z.stats().isOk()), s.zookeeper().toString());
            assertTrue(s.kafka().cluster().isOk(), s.kafka().cluster().toString());
            assertEquals(3, s.kafka().cluster().value().brokers().size(), "the host's broker still runs and serves");

            cluster.restoreSsh(cut);
            awaitSnapshot(probe, "every source fresh again", StatusOnSandboxIT::everyHostFresh);
        } finally {
            cluster.restoreSsh(cut);
        }
    }

    @Test
    @Order(8)
    void aBrokerRefreshReadsTheRegistrationsAndOnlyThatBrokersJmxAndKeepsNoHistory(SandboxCluster cluster) throws Exception {
        Host h = cluster.host(1);
        try (SshSessions sessions = new SshSessions(SshOptions.defaults(cluster.inventory().stateDir(), NewHostKeyPolicy.REFUSE)
                .withConnectTimeout(Duration.ofSeconds(5)));
             ClusterProbe probe = new ClusterProbe(cluster.inventory(), ClusterProbe.Options.defaults().withTimeout(Duration.ofSeconds(10)),
                     new SshAccess(sessions), new SshAccess(sessions), Clock.systemUTC())) {
            awaitSnapshot(probe, "every source fresh and healthy", x -> everyHostFresh(x) && probe.verdict(x).healthy());
            int kept = probe.history().size();

            ClusterSnapshot s = probe.refreshBroker(h.name());

            assertEquals(1, s.jmx().size(), s.jmx().toString());
            JmxSnapshot j = s.jmx().get(0);
            assertEquals(h.name(), j.host());
            assertEquals(cluster.brokerId(h), j.brokerId());
            assertTrue(j.metrics().isOk(), j.toString());
            assertEquals(3, j.metrics().value().brokerState(), j.toString());
            assertTrue(s.kafka().registrations().isOk(), s.kafka().registrations().toString());
            assertEquals(3, s.kafka().registrations().value().brokers().size());
            assertNotEquals(null, s.kafka().registrations().value().controller());
            assertFalse(s.kafka().cluster().isOk(), "the AdminClient is not asked: " + s.kafka().cluster());
            assertTrue(s.zookeeper().servers().isEmpty() && s.processes().isEmpty() && s.certificates().isEmpty(), s.toString());
            assertEquals(kept, probe.history().size(), "a partial refresh is not a snapshot of the cluster");
        }
    }

    static boolean everyHostFresh(ClusterSnapshot s) {
        return s.processes().size() == 6 && s.processes().stream().allMatch(p -> p.state().isOk())
                && s.jmx().size() == 3 && s.jmx().stream().allMatch(j -> j.metrics().isOk());
    }

    static ClusterSnapshot awaitSnapshot(ClusterProbe probe, String what, Predicate<ClusterSnapshot> wanted) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        ClusterSnapshot last = null;
        while (System.nanoTime() < end) {
            last = probe.refresh();
            if (wanted.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        fail("the probe did not come to show " + what + " within " + WAIT.toSeconds() + " s; last: " + last);
        return last;
    }

    /** A ZooKeeper server currently in {@code mode}, as kroll status reads it. */
    private static Host zookeeperIn(SandboxCluster cluster, String mode) throws Exception {
        Status s = awaitStatus(cluster, "a ZooKeeper " + mode, x -> servers(x, mode).size() > 0);
        String name = servers(s, mode).get(0);
        Host h = cluster.inventory().host(name).orElseThrow();
        assertNotEquals(null, h);
        return h;
    }

    private static List<String> servers(Status s, String mode) {
        List<String> out = new ArrayList<>();
        for (JsonNode z : s.doc().path("snapshot").path("zookeeper").path("servers")) {
            if (mode.equalsIgnoreCase(z.path("stats").path("value").path("mode").asText())
                    && "OK".equals(z.path("stats").path("freshness").path("status").asText())) {
                out.add(z.path("host").asText());
            }
        }
        return out;
    }
}
