package dev.kroll.sandbox.bootstrap;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.plan.IdRegistryStore;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.plan.Plan;
import dev.kroll.plan.Planner;
import dev.kroll.remote.AtomicUploader;
import dev.kroll.remote.CommandResult;
import dev.kroll.remote.HostContext;
import dev.kroll.remote.Outcome;
import dev.kroll.remote.SshSession;
import dev.kroll.remote.SshSessions;
import dev.kroll.sandbox.KafkaDistribution;
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
import java.util.function.Consumer;
import net.schmizz.sshj.xfer.FileSystemFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a sandbox inventory's cluster up over SSH (kroll's {@code dev.kroll.remote}), printing each step:
 * install the distribution on every host (upload the .tgz, unpack, link {@code kafka_home}), put the
 * planner's rendered configuration in place atomically, start the ZooKeeper ensemble, wait for its
 * quorum, start the brokers on PLAINTEXT, wait until all are registered. The sequencing is interim (see
 * package-info): the rollout engine's first-time-setup playbook replaces it.
 */
public final class SandboxBringUp {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxBringUp.class);

    public static final Duration QUORUM_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration BROKERS_TIMEOUT = Duration.ofSeconds(120);

    /** @param brokerIds broker.id per host name, as the planner allocated them (kept in .kroll/ids.yaml) */
    public record Result(String bootstrapServers, String zookeeperConnect, String leader, int controller, Map<String, Integer> brokerIds) {
    }

    private final Inventory inv;
    private final SshSessions sessions;
    private final Consumer<String> log;
    private final long t0 = System.nanoTime();

    private SandboxBringUp(Inventory inv, SshSessions sessions, Consumer<String> log) {
        this.inv = inv;
        this.sessions = sessions;
        this.log = log;
    }

    public static Result run(Inventory inv, KafkaDistribution dist, Consumer<String> log) {
        try (SshSessions sessions = new SshSessions(SandboxSsh.options(inv))) {
            return new SandboxBringUp(inv, sessions, log).run(dist);
        }
    }

    private Result run(KafkaDistribution dist) {
        String sha = sha256(dist.tarball());
        List<Host> zk = inv.hosts(Role.ZOOKEEPER);
        List<Host> brokers = inv.hosts(Role.KAFKA);
        step("install: " + dist.tarball().getFileName() + " on " + count(inv.hosts().size(), "host"));
        SandboxSsh.onAll(sessions, inv.hosts(), "install", ctx -> {
            install(ctx.session(), ctx.host(), dist, sha);
            return Outcome.ok(Boolean.TRUE);
        });
        IdRegistryStore ids = IdRegistryStore.of(inv);
        Plan plan = Planner.plan(inv, ids.load(inv.cluster()), Map.of(), false);
        if (plan.hasErrors()) {
            throw KrollException.badInput(plan.problems());
        }
        if (plan.ids().changed()) {
            ids.save(plan.ids().registry());
        }
        plan.problems().forEach(p -> LOG.info("plan: {}", p.format()));
        Map<String, PlannedFiles> planned = new LinkedHashMap<>();
        inv.hosts().forEach(h -> planned.put(h.name(), PlannedFiles.of(plan, h, ListenerPhase.PLAINTEXT)));
        step("configure: kroll's plan rendered " + planned.values().stream().mapToInt(f -> f.files().size()).sum()
                + " files (zoo.cfg, myid, server.properties, JVM env, log4j) for " + count(inv.hosts().size(), "host"));
        SandboxSsh.onAll(sessions, inv.hosts(), "configure", ctx -> {
            PlannedFiles files = planned.get(ctx.host().name());
            ctx.session().check("mkdir -p " + String.join(" ", files.dirs().stream().map(SandboxBringUp::quote).toList()));
            return AtomicUploader.uploadAll(ctx.session(), files.uploads(), ctx);
        });
        step("zookeeper: starting the ensemble on " + names(zk));
        SandboxSsh.onAll(sessions, zk, "starting ZooKeeper", ctx -> service(ctx, Role.ZOOKEEPER));
        String leader = ClusterWait.awaitQuorum(inv, QUORUM_TIMEOUT);
        step("zookeeper: quorum of " + zk.size() + ", leader " + leader);
        step("kafka: starting " + count(brokers.size(), "broker") + " on PLAINTEXT");
        SandboxSsh.onAll(sessions, brokers, "starting Kafka", ctx -> service(ctx, Role.KAFKA));
        int controller = ClusterWait.awaitBrokers(inv, brokers.size(), BROKERS_TIMEOUT);
        step("kafka: " + count(brokers.size(), "broker") + " registered, controller broker " + controller + "; bootstrap "
                + ClusterEndpoints.bootstrapServers(inv));
        return new Result(ClusterEndpoints.bootstrapServers(inv), ClusterEndpoints.zookeeperConnect(inv), leader, controller,
                plan.ids().brokerIds());
    }

    private Outcome<Boolean> service(HostContext ctx, Role role) {
        SandboxSsh.service(sessions, inv, ctx.host(), role, "start");
        return Outcome.ok(Boolean.TRUE);
    }

    /**
     * Unpacks the tarball beside {@code kafka_home} and points {@code kafka_home} at it, as an operator does
     * with Apache's tarball; skipped when the same tarball (by SHA-256) is already unpacked there.
     */
    private void install(SshSession session, Host host, KafkaDistribution dist, String sha) throws IOException {
        String home = inv.pathsFor(host).kafkaHome();
        String parent = home.substring(0, home.lastIndexOf('/'));
        String target = parent + "/" + dist.directoryName();
        String marker = target + "/.kroll-installed";
        CommandResult installed = session.exec("cat " + quote(marker));
        if (!installed.ok() || !installed.stdout().trim().equals(sha)) {
            session.check("mkdir -p " + quote(parent) + " && rm -rf " + quote(target));
            String tgz = parent + "/" + dist.tarball().getFileName();
            session.sftp().put(new FileSystemFile(dist.tarball().toFile()), tgz + ".part");
            session.check("mv -f " + quote(tgz + ".part") + " " + quote(tgz) + " && tar -xzf " + quote(tgz) + " -C " + quote(parent)
                    + " && rm -f " + quote(tgz) + " && printf '%s' " + sha + " > " + quote(marker));
        }
        session.check("ln -sfn " + quote(dist.directoryName()) + " " + quote(home));
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

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
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
