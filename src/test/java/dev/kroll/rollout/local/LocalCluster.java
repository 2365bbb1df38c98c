package dev.kroll.rollout.local;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.port.Backend;
import dev.kroll.rollout.port.ClusterPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A cluster simulated in local directories, for engine tests: each host is a directory tree
 * ({@code hosts/<name>/etc/kafka/server.properties} …), services are state files, and what the
 * probe reports is derived from them (a broker registers a moment after it starts and rejoins the
 * ISR partition by partition; ZooKeeper serves when a majority runs). The engine does real work
 * on it — atomic writes, {@code .kroll-prev}, journal — while Kafka and ZooKeeper themselves are
 * exercised for real by the sandbox end-to-end tests.
 */
public final class LocalCluster {

    final Path root;
    final Inventory inventory;
    /** How long after a start a broker registers / a ZooKeeper server serves. */
    public volatile long registerMillis = 60;
    /** How long after registering a broker rejoins the ISR of each further partition. */
    public volatile long catchUpMillis = 40;
    public volatile int partitions = 3;
    /** Every read of the probe, full or a registration lookup, in order. */
    public final List<Read> reads = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    /**
     * One read of the probe: when, whether a full view, the brokers started but not yet registered then, and the
     * host whose broker the view was asked for (null: the whole cluster).
     */
    public record Read(long atMillis, boolean full, java.util.Set<Integer> starting, String of) {
    }

    private LocalCluster(Path root, Inventory inventory) {
        this.root = root;
        this.inventory = inventory;
    }

    /** Three hosts, each running ZooKeeper and Kafka; the inventory file is {@code root/cluster.yaml}. */
    public static LocalCluster threeHosts(Path root) throws IOException {
        StringBuilder yaml = new StringBuilder("cluster:\n  name: local\nhosts:\n");
        for (int i = 1; i <= 3; i++) {
            yaml.append("  - name: kafka").append(i).append("\n    address: 127.0.0.").append(10 + i)
                    .append("\n    roles: [zookeeper, kafka]\n");
        }
        Path inv = root.resolve("cluster.yaml");
        Files.writeString(inv, yaml);
        LocalCluster c = new LocalCluster(root, KrollYaml.load(inv));
        for (Host h : c.inventory.hosts()) {
            Files.createDirectories(c.hostDir(h.name()));
        }
        return c;
    }

    /** The local cluster whose inventory is {@code inventory} (hosts under {@code hosts/} beside it). */
    public static LocalCluster attach(Inventory inventory) {
        return new LocalCluster(inventory.file().toAbsolutePath().getParent(), inventory);
    }

    public Inventory inventory() {
        return inventory;
    }

    public Backend backend() {
        return backend(new LocalPlan(this));
    }

    /** With another plan, e.g. kroll's real one ({@code dev.kroll.rollout.wire.PlannedConfigs}). */
    public Backend backend(ClusterPlan plan) {
        LocalHosts hosts = new LocalHosts(this, plan);
        LocalPki pki = new LocalPki(this, plan);
        return new Backend(hosts, new LocalProbe(this, plan), plan, hosts, hosts, pki, pki, pki);
    }

    public Path hostDir(String host) {
        return root.resolve("hosts").resolve(host);
    }

    /** A path on a host, inside its directory tree. */
    public Path onHost(String host, String path) {
        return hostDir(host).resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    // Faults live in files under sim/, so a kroll process attached to the same directory sees them.

    /** From now on the plan renders, for {@code host} at {@code phase}, a server.properties the broker cannot start with. */
    public void poison(String host, String phase) throws IOException {
        Files.createDirectories(root.resolve("sim"));
        Files.writeString(root.resolve("sim").resolve("poison-" + host), phase);
    }

    public void cure(String host) throws IOException {
        Files.deleteIfExists(root.resolve("sim").resolve("poison-" + host));
    }

    /** The phase poisoned for {@code host}, or null. */
    String poisoned(String host) {
        try {
            Path f = root.resolve("sim").resolve("poison-" + host);
            return Files.exists(f) ? Files.readString(f).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** From now on the plan renders {@code line} into {@code host}'s server.properties too (an inventory change). */
    public void override(String host, String line) throws IOException {
        Files.createDirectories(root.resolve("sim"));
        Files.writeString(root.resolve("sim").resolve("override-" + host), line);
    }

    /** The extra server.properties line of {@code host}, or null. */
    String override(String host) {
        try {
            Path f = root.resolve("sim").resolve("override-" + host);
            return Files.exists(f) ? Files.readString(f).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** From now on, a (re)started broker on {@code host} runs but never catches up (no progress). */
    public void stuck(String host, boolean on) throws IOException {
        Files.createDirectories(root.resolve("sim"));
        Path f = root.resolve("sim").resolve("stuck-" + host);
        if (on) {
            Files.writeString(f, String.valueOf(System.currentTimeMillis()));
        } else {
            Files.deleteIfExists(f);
        }
    }

    /** Since when {@code host} is stuck, or null. */
    Long stuckSince(String host) {
        try {
            Path f = root.resolve("sim").resolve("stuck-" + host);
            return Files.exists(f) ? Long.parseLong(Files.readString(f).trim()) : null;
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    /** Service state as the service manager would report it. */
    Path stateFile(String host, Role role) {
        return hostDir(host).resolve("run").resolve(role.key() + ".state");
    }

    /** Start time in millis when the service runs, else -1. */
    long startedAt(String host, Role role) {
        try {
            Path f = stateFile(host, role);
            if (!Files.exists(f)) {
                return -1;
            }
            String[] s = Files.readString(f).trim().split(" ");
            return s[0].equals("running") ? Long.parseLong(s[1]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Stops a service behind kroll's back (an operator, a crash). */
    public void stopService(String host, Role role) throws IOException {
        Files.deleteIfExists(stateFile(host, role));
        event(host, "stop " + role.key() + " (outside kroll)");
    }

    /** Lines {@code <host> <what>} of every start and stop, in order, across the cluster. */
    public List<String> events() throws IOException {
        Path f = root.resolve("events.log");
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    /** The events of one host that match a prefix, e.g. {@code start kafka}. */
    public List<String> events(String host, String prefix) throws IOException {
        return events().stream().filter(l -> l.startsWith(host + " " + prefix)).toList();
    }

    synchronized void event(String host, String what) throws IOException {
        Files.writeString(root.resolve("events.log"), host + " " + what + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
