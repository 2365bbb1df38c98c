package dev.kroll.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.EngineSettings;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.port.Backend;
import dev.kroll.rollout.port.BackendProvider.OpenBackend;
import dev.kroll.rollout.port.ClusterProbe;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Per broker, the time kroll's rolling restart spends on it (choosing it, the gate before the stop,
 * controlled stop, start, the progress-based gate until it is back in every ISR with no
 * under-replicated partition) against a bare restart of the same broker timed to the same end
 * (stop, start, polled every 100 ms until registered and back in every ISR with no URP).
 */
@Tag("benchmark")
@KrollSandbox(hosts = 3)
class RolloutBench {

    private static final int ROUNDS = 5;
    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    void rollOverheadAgainstBareRestartToCaughtUp(SandboxCluster cluster) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        Map<Integer, List<Double>> bare = new TreeMap<>();
        Map<Integer, List<Double>> kroll = new TreeMap<>();
        Map<String, List<Double>> phases = new TreeMap<>();
        String loadBefore = load();
        try (Admin admin = Admin.create(p);
             CuratorFramework zk = CuratorFrameworkFactory.newClient(cluster.zookeeperConnect(), new RetryOneTime(500))) {
            zk.start();
            admin.createTopics(List.of(new NewTopic("bench", 12, (short) 3))).all().get(60, TimeUnit.SECONDS);
            produce(cluster.bootstrapServers(), 50_000);
            Inventory inv = cluster.inventory();
            for (int round = 0; round < ROUNDS; round++) {
                for (Host h : cluster.hosts(Role.KAFKA)) {
                    int id = cluster.brokerId(h);
                    awaitInSync(admin, -1);
                    long t0 = System.nanoTime();
                    cluster.stop(h, Role.KAFKA);
                    long startIssued = System.currentTimeMillis();
                    cluster.start(h, Role.KAFKA);
                    long t1 = System.nanoTime();
                    awaitInSync(admin, id);
                    long caughtUp = System.currentTimeMillis();
                    long registered = registeredAt(zk, id);
                    phases.computeIfAbsent("bare: start issued to registered (znode ctime)", k -> new ArrayList<>()).add((registered - startIssued) / 1e3);
                    phases.computeIfAbsent("bare: registered to caught up", k -> new ArrayList<>()).add((caughtUp - registered) / 1e3);
                    bare.computeIfAbsent(id, k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
                    phases.computeIfAbsent("bare: stop + start", k -> new ArrayList<>()).add((t1 - t0) / 1e9);
                    phases.computeIfAbsent("bare: started to caught up", k -> new ArrayList<>()).add((System.nanoTime() - t1) / 1e9);
                }
                awaitInSync(admin, -1);
                kroll(inv, cluster, zk, phases).forEach((id, s) -> kroll.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
            }
            awaitInSync(admin, -1);
            snapshots(inv).forEach(ms -> phases.computeIfAbsent("one gate snapshot on a settled cluster", k -> new ArrayList<>()).add(ms / 1000.0));
        }
        String loadAfter = load();
        BenchReport.write("rollout", "Rolling restart: kroll's roll vs a bare restart-to-caught-up",
                report(bare, kroll) + breakdown(phases) + "\nMachine load (uptime, 1/5/15 min): " + loadBefore + " before, " + loadAfter + " after.\n");
    }

    /** One kroll rolling restart; seconds per broker id, from the previous broker's end (or the readiness gate) to its own. */
    private static Map<Integer, Double> kroll(Inventory inv, SandboxCluster cluster, CuratorFramework zk, Map<String, List<Double>> phases)
            throws Exception {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        try (OpenBackend backend = Backends.open(inv)) {
            Backend b = backend.backend();
            // every gate snapshot of the run, timed: what one poll of the gates costs while a broker recovers
            ClusterProbe timed = new ClusterProbe() {
                @Override
                public dev.kroll.rollout.gate.ClusterView snapshot() {
                    long t0 = System.nanoTime();
                    try {
                        return b.probe().snapshot();
                    } finally {
                        phases.computeIfAbsent("one gate snapshot during the roll", k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
                    }
                }

                @Override
                public dev.kroll.rollout.gate.ClusterView snapshotOf(String host) {
                    long t0 = System.nanoTime();
                    try {
                        return b.probe().snapshotOf(host);
                    } finally {
                        phases.computeIfAbsent("one gate view of the restarted broker", k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1e9);
                    }
                }

                @Override
                public java.util.Optional<Boolean> registered(int id) {
                    return b.probe().registered(id);
                }
            };
            Backend measured = new Backend(b.hosts(), timed, b.plan(), b.installer(), b.preflight(), b.certs(), b.admin(), b.verifier());
            Rollout rollout = new Rollout(inv, measured, EngineSettings.DEFAULT.withPoll(POLL), Clock.systemUTC());
            Playbook pb = rollout.load("rolling-restart");
            RunResult r = rollout.run(pb, rollout.params(pb, Map.of()), events::add);
            assertEquals(0, r.exitCode(), r.message());
        }
        Map<Integer, Double> out = new TreeMap<>();
        Instant from = events.stream().filter(e -> e instanceof RunEvent.GatePassed g && g.gate().equals("cluster ready to roll"))
                .findFirst().orElseThrow().at();
        Instant gate = null;
        Instant starting = null;
        Instant healthy = null;
        Map<String, Double> waited = new TreeMap<>();
        String reason = null;
        Instant since = null;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.GatePassed g && g.gate().startsWith("before stopping broker")) {
                gate = g.at();
            } else if (e instanceof RunEvent.HostProgress hp && hp.message().equals("starting kafka")) {
                starting = hp.at();
            } else if (e instanceof RunEvent.GateWaiting w && w.gate().endsWith("healthy after restart")) {
                // time from one reason to the next, by reason: what the gate after the start waits for
                waited.merge(reason == null ? "start command over SSH, until the first gate read" : reason,
                        Duration.between(since == null ? starting : since, w.at()).toMillis() / 1000.0, Double::sum);
                reason = "waiting: " + w.reason().replaceAll(" \\(no progress.*", "").replaceAll(":.*", "").replaceAll("\\d+", "N");
                since = w.at();
            } else if (e instanceof RunEvent.GatePassed g && g.gate().endsWith("healthy after restart")) {
                healthy = g.at();
                if (since != null || starting != null) {
                    waited.merge(reason == null ? "start command over SSH, until the first gate read" : reason,
                            Duration.between(since == null ? starting : since, g.at()).toMillis() / 1000.0, Double::sum);
                }
                waited.forEach((k, v) -> phases.computeIfAbsent("kroll after start: " + k, x -> new ArrayList<>()).add(v));
                waited.clear();
                reason = null;
                since = null;
            } else if (e instanceof RunEvent.HostActionDone d && d.action().equals("restart-kafka")) {
                Host h = inv.host(d.host()).orElseThrow();
                int id = cluster.brokerId(h);
                out.put(id, Duration.between(from, d.at()).toMillis() / 1000.0);
                // each broker registers once per run: its znode's ctime is this roll's registration
                Instant registered = Instant.ofEpochMilli(registeredAt(zk, id));
                add(phases, "kroll: start issued to registered (znode ctime)", starting, registered);
                add(phases, "kroll: registered to healthy", registered, healthy);
                add(phases, "kroll: choose the broker + gate before the stop", from, gate);
                add(phases, "kroll: stop (controlled shutdown over SSH)", gate, starting);
                add(phases, "kroll: start over SSH + gate until healthy", starting, healthy);
                add(phases, "kroll: journal + next", healthy, d.at());
                from = d.at();
            }
        }
        return out;
    }

    /** When broker {@code id} last registered: the ZooKeeper server's clock, the same machine's as ours. */
    private static long registeredAt(CuratorFramework zk, int id) throws Exception {
        return zk.checkExists().forPath("/brokers/ids/" + id).getCtime();
    }

    private static void add(Map<String, List<Double>> phases, String name, Instant a, Instant b) {
        if (a != null && b != null) {
            phases.computeIfAbsent(name, k -> new ArrayList<>()).add(Duration.between(a, b).toMillis() / 1000.0);
        }
    }

    /** Milliseconds of 15 gate snapshots on a settled cluster, as the engine takes them. */
    private static List<Double> snapshots(Inventory inv) throws Exception {
        List<Double> ms = new ArrayList<>();
        try (OpenBackend backend = Backends.open(inv)) {
            backend.backend().probe().snapshot(); // connections up
            for (int i = 0; i < 15; i++) {
                long t0 = System.nanoTime();
                backend.backend().probe().snapshot();
                ms.add((System.nanoTime() - t0) / 1e6);
            }
        }
        return ms;
    }

    private static String load() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String breakdown(Map<String, List<Double>> phases) {
        StringBuilder md = new StringBuilder("\nWhere the time goes (median seconds per broker):\n\n| phase | median (s) |\n|---|---|\n");
        phases.forEach((name, xs) -> md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", name, median(xs))));
        return md.toString();
    }

    /** Until {@code broker} (or, with -1, every broker) is registered and in every ISR, with no URP; polled every 100 ms. */
    private static void awaitInSync(Admin admin, int broker) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < end) {
            try {
                boolean registered = broker < 0 || admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().anyMatch(n -> n.id() == broker);
                if (registered) {
                    var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(5, TimeUnit.SECONDS);
                    Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS);
                    boolean inSync = d.values().stream().flatMap(t -> t.partitions().stream())
                            .allMatch(tp -> tp.isr().size() == tp.replicas().size() && tp.isr().stream().map(Node::id).toList().containsAll(
                                    tp.replicas().stream().map(Node::id).toList()));
                    if (inSync) {
                        return;
                    }
                }
            } catch (Exception e) {
                // the broker is on its way back: keep polling
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("broker " + broker + " did not catch up within 3 minutes");
    }

    private static void produce(String bootstrap, int records) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            String value = "x".repeat(200);
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench", String.valueOf(i), value));
            }
            producer.flush();
        }
    }

    private static String report(Map<Integer, List<Double>> bare, Map<Integer, List<Double>> kroll) {
        StringBuilder md = new StringBuilder();
        md.append("3-host sandbox (ZooKeeper 128 MB, brokers 256 MB heaps, one machine with 2 cores shared with other builds), topic `bench` "
                + "12 partitions × RF 3 with 50,000 records of 200 B plus the internal topics; ").append(ROUNDS)
                .append(" rounds; kroll polls its gates every ").append(POLL.toMillis()).append(" ms, the bare loop every 100 ms. "
                        + "Median seconds per broker.\n\n");
        md.append("| broker | bare restart to caught up (s) | kroll roll (s) | ratio |\n|---|---|---|---|\n");
        double sumBare = 0;
        double sumKroll = 0;
        for (Integer id : bare.keySet()) {
            double b = median(bare.get(id));
            double k = median(kroll.get(id));
            sumBare += b;
            sumKroll += k;
            md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.2f |%n", id, b, k, k / b));
        }
        double ratio = sumKroll / sumBare;
        md.append(String.format(Locale.ROOT, "| all | %.1f | %.1f | **%.2f** |%n%n", sumBare, sumKroll, ratio));
        md.append(String.format(Locale.ROOT, "Overall ratio %.2f against the target of 1.10: %s. ", ratio, ratio <= 1.10 ? "met" : "not met"));
        md.append("kroll's time per broker includes choosing it and the gate before the stop (decided on the view the previous "
                + "broker's gate passed on when that is under a second old, else on a new snapshot), the controlled stop, the start and "
                + "the gate after it (registered, JMX BrokerState RUNNING, back in every ISR, no URP, a controller). While it waits after "
                + "the start, kroll looks the registration up in ZooKeeper each poll and reads a view of that broker alone (registrations, "
                + "its JMX, every partition), not the whole cluster. The bare side stops and starts the broker through the sandbox's "
                + "service script and polls only registration and the ISR. Registration times come from the ctime of the broker's "
                + "znode. The table below splits kroll's time by phase and, after the start, by what the gate was waiting for.\n");
        return md.toString();
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
