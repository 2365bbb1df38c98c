package dev.kroll.rollout.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.inventory.Role;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.probe.ClusterProbe.JmxAccess;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.EngineSettings;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunOutcome;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.gate.ClusterView;
import dev.kroll.rollout.gate.ZkMember;
import dev.kroll.rollout.gate.ZookeeperGates;
import dev.kroll.rollout.port.Backend;
import dev.kroll.rollout.port.HostOps;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.rollout.port.WriteOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolling-restart} of ZooKeeper on a real 3-server ensemble: three ZooKeeper processes
 * ({@code QuorumPeerMain}, each its own JVM, on 127.0.200.1-3), read by kroll's real probe
 * ({@code srvr}/{@code mntr}) through the same {@link ProbedCluster} and {@link SnapshotView} the
 * SSH backend uses. Stopping a member stops its process; starting it launches a new one. (Servers
 * inside one JVM share ZooKeeper's metrics registry, so a restarted one wipes the leader's
 * {@code zk_synced_followers}: separate processes, as on real hosts.)
 */
class ZookeeperRollingRestartIT {

    @TempDir
    Path dir;
    final Map<String, Process> servers = new ConcurrentHashMap<>();
    final Map<String, Path> configs = new HashMap<>();
    Inventory inventory;
    ProbedCluster probe;
    Rollout rollout;
    final List<String> actions = Collections.synchronizedList(new ArrayList<>());
    final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws Exception {
        StringBuilder yaml = new StringBuilder("cluster: {name: zk-it, advertise: address}\nhosts:\n");
        StringBuilder quorum = new StringBuilder();
        int[][] ports = new int[4][];
        for (int id = 1; id <= 3; id++) {
            // each server on its own loopback address, as each host has its own (Linux routes 127.0.0.0/8 to lo)
            String address = "127.0.200." + id;
            ports[id] = new int[] {free(address), free(address), free(address)};
            quorum.append("server.").append(id).append('=').append(address).append(':').append(ports[id][1]).append(':').append(ports[id][2]).append('\n');
            yaml.append("  - name: zk").append(id).append("\n    address: ").append(address).append("\n    roles: [zookeeper, kafka]\n")
                    .append("    ports: {zookeeper_client: ").append(ports[id][0]).append(", zookeeper_peer: ").append(ports[id][1])
                    .append(", zookeeper_election: ").append(ports[id][2]).append(", zookeeper_admin: 0")
                    .append(", kafka_plaintext: ").append(free(address)).append(", kafka_ssl: ").append(free(address))
                    .append(", kafka_jmx: ").append(free(address)).append(", zookeeper_jmx: ").append(free(address)).append("}\n");
        }
        for (int id = 1; id <= 3; id++) {
            Path data = Files.createDirectories(dir.resolve("zk" + id));
            Files.writeString(data.resolve("myid"), id + "\n");
            Path cfg = data.resolve("zoo.cfg");
            Files.writeString(cfg, "tickTime=500\ninitLimit=20\nsyncLimit=10\ndataDir=" + data + "\nclientPort=" + ports[id][0]
                    + "\nclientPortAddress=127.0.200." + id + "\n4lw.commands.whitelist=srvr,mntr,ruok\nadmin.enableServer=false\n" + quorum);
            configs.put("zk" + id, cfg);
            launch("zk" + id);
        }
        Files.writeString(dir.resolve("cluster.yaml"), yaml);
        inventory = KrollYaml.load(dir.resolve("cluster.yaml"));
        PlannedConfigs plan = PlannedConfigs.load(inventory);
        Map<String, Integer> myids = new HashMap<>();
        inventory.hosts(Role.ZOOKEEPER).forEach(h -> myids.put(h.name(), plan.zookeeperId(h)));
        ClusterProbe real = new ClusterProbe(inventory, ClusterProbe.Options.defaults().withTimeout(Duration.ofSeconds(1))
                .withJmx(JmxAccess.NONE, false), null, null, Clock.systemUTC());
        KafkaAdmin admin = new KafkaAdmin(Map.of("bootstrap.servers", SshBackendProvider.bootstrap(inventory, false)), Duration.ofMillis(500));
        probe = new ProbedCluster(real, myids, admin, Optional::empty);
        Backend backend = new Backend(new EnsembleHosts(), probe, plan, null, null, null, null, null);
        EngineSettings settings = new EngineSettings(Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofSeconds(30), 4, Duration.ofSeconds(5));
        rollout = new Rollout(inventory, backend, settings, Clock.systemUTC());
        Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(dir.resolve("playbooks/zk-restart.yaml"), "steps:\n  - rolling-restart:\n      role: zookeeper\n");
    }

    /** Starts the ZooKeeper server of {@code host} as its own JVM. */
    private void launch(String host) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                "-Dzookeeper.jmx.log4j.disable=true", "org.apache.zookeeper.server.quorum.QuorumPeerMain", configs.get(host).toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(host + ".log").toFile()).start();
        servers.put(host, p);
    }

    private void kill(String host) throws InterruptedException {
        Process p = servers.remove(host);
        if (p != null) {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (probe != null) {
            probe.close();
        }
        for (String host : List.copyOf(servers.keySet())) {
            kill(host);
        }
    }

    private static int free(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }

    /** Reads the cluster until {@code done} holds (an ensemble needs a moment to elect), at most a minute. */
    private void await(Predicate<ClusterView> done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        ClusterView v = probe.snapshot();
        while (!done.test(v) && System.nanoTime() < end) {
            Thread.sleep(200);
            v = probe.snapshot();
        }
        assertTrue(done.test(v), "the ensemble did not settle: " + v.zookeeper());
    }

    private RunResult run() throws InterruptedException {
        Playbook pb = rollout.load("zk-restart");
        return rollout.run(pb, rollout.params(pb, Map.of()), events::add);
    }

    @Test
    void everyServerIsRestartedOnceFollowersFirstAndTheLeaderLast() throws Exception {
        await(v -> ZookeeperGates.ensembleHealthy(v).passed());
        RunResult r = run();

        assertEquals(RunOutcome.SUCCEEDED, r.outcome(), r.message());
        String ready = events.stream().filter(e -> e instanceof RunEvent.GatePassed g && g.gate().equals("ZooKeeper ensemble ready to roll"))
                .map(e -> ((RunEvent.GatePassed) e).detail()).findFirst().orElseThrow();
        String leader = ready.replaceAll(".*leader (zk\\d) .*", "$1");
        List<String> stops = actions.stream().filter(a -> a.startsWith("stop ")).map(a -> a.substring(5)).toList();
        assertEquals(Set.of("zk1", "zk2", "zk3"), new HashSet<>(stops));
        assertEquals(3, stops.size());
        assertEquals(leader, stops.get(2), "the leader goes last: " + ready + ", stops " + stops);
        // while a restarted follower rejoins, the gate waits and says why
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.GateWaiting w && w.gate().startsWith("ZooKeeper myid")),
                events.toString());
    }

    @Test
    void aServerAlreadyDownRefusesTheRollBeforeAnythingChanges() throws Exception {
        await(v -> ZookeeperGates.ensembleHealthy(v).passed());
        kill("zk2");
        await(v -> v.zkLeader().isPresent() && v.zookeeper().stream().filter(m -> !m.up()).map(ZkMember::host).toList().equals(List.of("zk2")));

        RunResult r = run();

        assertEquals(RunOutcome.REFUSED, r.outcome());
        assertEquals(3, r.exitCode());
        assertTrue(r.message().contains("ZooKeeper ensemble ready to roll refused: ZooKeeper zk2 (myid 2) is not serving (nothing has been changed)"),
                r.message());
        assertEquals(List.of(), actions);
    }

    /** Service control of the in-process ensemble; configuration files are not part of this test. */
    private final class EnsembleHosts implements HostOps {
        @Override
        public Optional<byte[]> read(Host host, String path) {
            return Optional.empty();
        }

        @Override
        public WriteOutcome write(Host host, RenderedFile file, boolean keepPrevious) {
            throw new UnsupportedOperationException("no files in this test");
        }

        @Override
        public boolean restorePrevious(Host host, String path) {
            return false;
        }

        @Override
        public void start(Host host, Role role) throws IOException {
            launch(host.name());
            actions.add("start " + host.name());
        }

        @Override
        public void stop(Host host, Role role) throws IOException {
            try {
                kill(host.name());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            actions.add("stop " + host.name());
        }

        @Override
        public boolean running(Host host, Role role) {
            Process p = servers.get(host.name());
            return p != null && p.isAlive();
        }
    }
}
