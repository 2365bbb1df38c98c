package dev.kroll.sandbox.bootstrap;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.plan.IdRegistry;
import dev.kroll.plan.IdRegistryStore;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.plan.Plan;
import dev.kroll.sandbox.KafkaDistribution;
import dev.kroll.util.Errors;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a sandbox inventory's cluster up over SSH, printing each step: install the distribution on every
 * host (upload the .tgz, unpack, link {@code kafka_home}), put the planner's rendered configuration in
 * place, start the ZooKeeper ensemble, wait for its quorum, start the brokers on PLAINTEXT, wait until
 * all are registered. The sequencing is interim (see package-info): the rollout engine replaces it.
 */
public final class SandboxBringUp {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxBringUp.class);

    public static final Duration QUORUM_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration BROKERS_TIMEOUT = Duration.ofSeconds(120);

    /** @param brokerIds broker.id per host name, as the planner allocated them (kept in .kroll/ids.yaml) */
    public record Result(String bootstrapServers, String zookeeperConnect, String leader, int controller, Map<String, Integer> brokerIds) {
    }

    private final Inventory inv;
    private final Path knownHosts;
    private final Consumer<String> log;
    private final long t0 = System.nanoTime();

    private SandboxBringUp(Inventory inv, Consumer<String> log) {
        this.inv = inv;
        this.knownHosts = inv.stateDir().resolve("known_hosts");
        this.log = log;
    }

    public static Result run(Inventory inv, KafkaDistribution dist, Consumer<String> log) {
        return new SandboxBringUp(inv, log).run(dist);
    }

    private Result run(KafkaDistribution dist) {
        String sha = sha256(dist.tarball());
        List<Host> zk = inv.hosts(Role.ZOOKEEPER);
        List<Host> brokers = inv.hosts(Role.KAFKA);
        step("install: " + dist.tarball().getFileName() + " on " + count(inv.hosts().size(), "host"));
        parallel(inv.hosts(), h -> install(h, dist, sha));
        IdRegistryStore ids = IdRegistryStore.of(inv);
        IdRegistry registry = ids.load(inv.cluster());
        Map<String, PlannedFiles> planned = new ConcurrentHashMap<>();
        parallel(inv.hosts(), h -> planned.put(h.name(), plan(h, registry)));
        Plan plan = planned.get(inv.hosts().get(0).name()).plan();
        if (plan.ids().changed()) {
            ids.save(plan.ids().registry());
        }
        plan.problems().forEach(p -> LOG.info("plan: {}", p.format()));
        step("configure: kroll's plan rendered " + planned.values().stream().mapToInt(f -> f.files().size()).sum()
                + " files (zoo.cfg, myid, server.properties, JVM env, log4j) for " + count(inv.hosts().size(), "host"));
        parallel(inv.hosts(), h -> configure(h, planned.get(h.name())));
        step("zookeeper: starting the ensemble on " + names(zk));
        parallel(zk, h -> service(h, Role.ZOOKEEPER, "start"));
        String leader = awaitQuorum(inv, QUORUM_TIMEOUT);
        step("zookeeper: quorum of " + zk.size() + ", leader " + leader);
        step("kafka: starting " + count(brokers.size(), "broker") + " on PLAINTEXT");
        parallel(brokers, h -> service(h, Role.KAFKA, "start"));
        int controller = ClusterWait.awaitBrokers(inv, brokers.size(), BROKERS_TIMEOUT);
        step("kafka: " + count(brokers.size(), "broker") + " registered, controller broker " + controller + "; bootstrap "
                + ClusterEndpoints.bootstrapServers(inv));
        return new Result(ClusterEndpoints.bootstrapServers(inv), ClusterEndpoints.zookeeperConnect(inv), leader, controller,
                plan.ids().brokerIds());
    }

    /** Waits until every ZooKeeper host serves, one as leader; returns the leader's name. */
    public static String awaitQuorum(Inventory inv, Duration timeout) {
        return ClusterWait.awaitQuorum(inv, timeout);
    }

    /** Runs the inventory's start/stop/status command for {@code role} on {@code host}; returns its exit status. */
    public static int service(Inventory inv, Host host, Role role, String action) {
        String command = switch (action) {
            case "start" -> inv.services().of(role).start();
            case "stop" -> inv.services().of(role).stop();
            case "status" -> inv.services().of(role).status();
            default -> throw new IllegalArgumentException(action);
        };
        try (InterimSsh ssh = InterimSsh.connect(host, inv.stateDir().resolve("known_hosts"))) {
            InterimSsh.Result r = ssh.exec(command);
            if (r.exit() != 0 && !action.equals("status")) {
                throw KrollException.failure(role + " " + action + " failed on " + host.name() + " (exit " + r.exit() + "): " + r.out(), null);
            }
            return r.exit();
        } catch (IOException e) {
            throw KrollException.failure(role + " " + action + " on " + host.name() + ": " + Errors.message(e), e);
        }
    }

    private void service(Host h, Role role, String action) {
        service(inv, h, role, action);
    }

    private void install(Host h, KafkaDistribution dist, String sha) throws IOException {
        try (InterimSsh ssh = InterimSsh.connect(h, knownHosts)) {
            InstallPaths paths = inv.paths().resolvedAgainst(ssh.loginDir());
            String home = paths.kafkaHome();
            String parent = home.substring(0, home.lastIndexOf('/'));
            String target = parent + "/" + dist.directoryName();
            String marker = target + "/.kroll-installed";
            InterimSsh.Result installed = ssh.exec("cat " + InterimSsh.quote(marker));
            if (installed.exit() != 0 || !installed.out().equals(sha)) {
                ssh.run("preparing " + parent, "mkdir -p " + InterimSsh.quote(parent) + " && rm -rf " + InterimSsh.quote(target));
                String tgz = parent + "/" + dist.tarball().getFileName();
                ssh.upload(dist.tarball(), tgz);
                ssh.run("unpacking " + tgz, "tar -xzf " + InterimSsh.quote(tgz) + " -C " + InterimSsh.quote(parent)
                        + " && rm -f " + InterimSsh.quote(tgz) + " && printf '%s' " + sha + " > " + InterimSsh.quote(marker));
            }
            ssh.run("linking " + home, "ln -sfn " + InterimSsh.quote(dist.directoryName()) + " " + InterimSsh.quote(home));
        }
    }

    private PlannedFiles plan(Host h, IdRegistry registry) throws IOException {
        try (InterimSsh ssh = InterimSsh.connect(h, knownHosts)) {
            return PlannedFiles.of(inv, h, ssh.loginDir(), registry, ListenerPhase.PLAINTEXT);
        }
    }

    private void configure(Host h, PlannedFiles planned) throws IOException {
        try (InterimSsh ssh = InterimSsh.connect(h, knownHosts)) {
            ssh.run("creating directories", "mkdir -p " + String.join(" ", planned.dirs().stream().map(InterimSsh::quote).toList()));
            ssh.writeAll(planned.files());
        }
    }

    private void step(String message) {
        log.accept(String.format("[%5.1fs] %s", (System.nanoTime() - t0) / 1e9, message));
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String names(List<Host> hosts) {
        return String.join(", ", hosts.stream().map(Host::name).toList());
    }

    interface HostAction {
        void run(Host h) throws IOException;
    }

    /** Runs {@code action} on every host at once; the first failure (by host order) is rethrown. */
    static void parallel(List<Host> hosts, HostAction action) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, hosts.size()));
        try {
            Map<Host, Future<?>> futures = new LinkedHashMap<>();
            for (Host h : hosts) {
                futures.put(h, pool.submit(() -> {
                    action.run(h);
                    return null;
                }));
            }
            for (Map.Entry<Host, Future<?>> e : futures.entrySet()) {
                try {
                    e.getValue().get();
                } catch (ExecutionException ex) {
                    Throwable cause = ex.getCause();
                    if (cause instanceof KrollException k) {
                        throw k;
                    }
                    throw KrollException.failure(e.getKey().name() + ": " + Errors.message(cause), cause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KrollException.failure("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
