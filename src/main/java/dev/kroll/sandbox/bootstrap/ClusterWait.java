package dev.kroll.sandbox.bootstrap;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.Errors;
import dev.kroll.util.KrollException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;

/**
 * INTERIM (see package-info): waits for the ZooKeeper quorum ({@code srvr} on every member: one leader,
 * the others following) and for the brokers to register (Kafka AdminClient {@code describeCluster}).
 * Every wait says what it is still waiting for when it gives up.
 */
public final class ClusterWait {

    private ClusterWait() {
    }

    public static String awaitQuorum(Inventory inv, Duration timeout) {
        List<Host> zk = inv.hosts(Role.ZOOKEEPER);
        long deadline = System.nanoTime() + timeout.toNanos();
        String waiting = "";
        while (true) {
            List<String> leaders = new ArrayList<>();
            List<String> notServing = new ArrayList<>();
            for (Host h : zk) {
                Optional<String> mode = FourLetterWords.mode(h.address(), h.ports().zookeeperClient());
                if (mode.isEmpty()) {
                    notServing.add(h.name());
                } else if (mode.get().equals("leader") || mode.get().equals("standalone")) {
                    leaders.add(h.name());
                }
            }
            if (notServing.isEmpty() && leaders.size() == 1) {
                return leaders.get(0);
            }
            waiting = !notServing.isEmpty() ? "not serving yet: " + String.join(", ", notServing) : "leaders: " + leaders;
            if (System.nanoTime() > deadline) {
                throw KrollException.failure("no ZooKeeper quorum after " + timeout.toSeconds() + " s (" + waiting
                        + "); see var/log/kafka/ in the hosts' trees (zookeeper.out, zookeeper.log)", null);
            }
            sleep(500);
        }
    }

    /** Waits until exactly the brokers {@code ids} are registered (e.g. until a killed broker's session expired). */
    public static void awaitBrokerIds(Inventory inv, java.util.Set<Integer> ids, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String seen = "no answer yet";
        try (Admin admin = Admin.create(adminProps(inv))) {
            while (true) {
                try {
                    java.util.Set<Integer> now = new java.util.TreeSet<>();
                    admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).forEach(n -> now.add(n.id()));
                    if (now.equals(ids)) {
                        return;
                    }
                    seen = "registered " + now;
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    seen = Errors.message(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw KrollException.failure("interrupted while waiting for the brokers", e);
                }
                if (System.nanoTime() > deadline) {
                    throw KrollException.failure("brokers " + ids + " not registered after " + timeout.toSeconds() + " s (" + seen + ")", null);
                }
                sleep(500);
            }
        }
    }

    static Properties adminProps(Inventory inv) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ClusterEndpoints.bootstrapServers(inv));
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return p;
    }

    /** Waits until {@code count} brokers are registered; returns the controller's broker id. */
    public static int awaitBrokers(Inventory inv, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String waiting = "no answer yet";
        try (Admin admin = Admin.create(adminProps(inv))) {
            while (true) {
                try {
                    DescribeClusterResult r = admin.describeCluster();
                    Collection<Node> nodes = r.nodes().get(10, TimeUnit.SECONDS);
                    Node controller = r.controller().get(10, TimeUnit.SECONDS);
                    if (nodes.size() >= count && controller != null && !controller.isEmpty()) {
                        return controller.id();
                    }
                    waiting = nodes.size() + " of " + count + " registered";
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    waiting = Errors.message(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw KrollException.failure("interrupted while waiting for the brokers", e);
                }
                if (System.nanoTime() > deadline) {
                    throw KrollException.failure("brokers not registered after " + timeout.toSeconds() + " s (" + waiting
                            + "); see var/log/kafka/ in the hosts' trees (kafka.out, server.log)", null);
                }
                sleep(500);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KrollException.failure("interrupted", e);
        }
    }
}
