package dev.kroll.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeLogDirsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The AdminClient side of the Kafka probe: one client kept across refreshes, every call with its
 * own timeout, the per-broker log-dir calls independent so a dead broker delays only its own.
 */
final class KafkaAdminReader implements AutoCloseable {

    private final Properties config;
    private final Duration timeout;
    private Admin admin;

    KafkaAdminReader(List<KafkaTarget> targets, Map<String, String> clientProperties, Duration timeout) {
        this.timeout = timeout;
        this.config = new Properties();
        config.putAll(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", targets.stream().map(KafkaTarget::bootstrap).toList()));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "kroll-probe");
        int ms = (int) timeout.toMillis();
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(ms));
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(ms));
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(ms, 1000)));
        config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, String.valueOf(ms));
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "50");
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    /**
     * What describeCluster, describeTopics and describeConfigs say, all within one timeout; the log
     * dirs of the live brokers go into {@code logDirsOut}, each with its own freshness.
     */
    KafkaCluster cluster(Map<Integer, Reading<List<LogDir>>> logDirsOut,
                         Map<Integer, Reading<List<LogDir>>> previousLogDirs, Instant now) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Admin a = admin();
        DescribeClusterResult dc = a.describeCluster(new DescribeClusterOptions().timeoutMs(ms(deadline)));
        KafkaFuture<Set<String>> names = a.listTopics(new ListTopicsOptions().listInternal(true).timeoutMs(ms(deadline))).names();
        Collection<Node> nodes = get(dc.nodes(), deadline);
        Node controller = get(dc.controller(), deadline);
        String clusterId = get(dc.clusterId(), deadline);
        // log dirs of every live broker, in parallel with the topic calls
        Set<Integer> logDirBrokers = new java.util.TreeSet<>();
        nodes.forEach(n -> logDirBrokers.add(n.id()));
        Map<Integer, KafkaFuture<Map<String, LogDirDescription>>> dirs = logDirBrokers.isEmpty() ? Map.of()
                : a.describeLogDirs(logDirBrokers, new DescribeLogDirsOptions().timeoutMs(ms(deadline))).descriptions();
        Set<String> topics = get(names, deadline);
        Map<String, TopicDescription> described = topics.isEmpty() ? Map.of()
                : get(a.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(ms(deadline))).allTopicNames(), deadline);
        Map<String, Integer> minIsr = minIsr(a, topics, deadline);
        for (Map.Entry<Integer, KafkaFuture<Map<String, LogDirDescription>>> e : dirs.entrySet()) {
            logDirsOut.put(e.getKey(), logDirs(e.getValue(), deadline, previousLogDirs.get(e.getKey()), e.getKey(), now));
        }
        List<KafkaCluster.BrokerNode> brokers = nodes.stream()
                .map(n -> new KafkaCluster.BrokerNode(n.id(), n.host(), n.port(), n.rack()))
                .sorted(java.util.Comparator.comparingInt(KafkaCluster.BrokerNode::id)).toList();
        return new KafkaCluster(clusterId, controller == null || controller.id() < 0 ? null : controller.id(), brokers,
                partitionHealth(described, minIsr));
    }

    static PartitionHealth partitionHealth(Map<String, TopicDescription> topics, Map<String, Integer> minIsr) {
        List<PartitionIssue> states = new ArrayList<>();
        int partitions = 0;
        for (TopicDescription t : new java.util.TreeMap<>(topics).values()) {
            for (TopicPartitionInfo p : t.partitions()) {
                partitions++;
                Node leader = p.leader();
                states.add(new PartitionIssue(t.name(), p.partition(), leader == null || leader.id() < 0 ? null : leader.id(),
                        p.replicas().stream().map(Node::id).toList(), p.isr().stream().map(Node::id).toList(),
                        minIsr.getOrDefault(t.name(), 1)));
            }
        }
        return PartitionHealth.of(topics.size(), partitions, states);
    }

    private Map<String, Integer> minIsr(Admin a, Set<String> topics, long deadline) throws Exception {
        if (topics.isEmpty()) {
            return Map.of();
        }
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        Map<ConfigResource, Config> configs = get(a.describeConfigs(resources, new DescribeConfigsOptions().timeoutMs(ms(deadline))).all(), deadline);
        Map<String, Integer> out = new HashMap<>();
        configs.forEach((r, c) -> {
            ConfigEntry e = c.get("min.insync.replicas");
            if (e != null && e.value() != null) {
                out.put(r.name(), Integer.parseInt(e.value()));
            }
        });
        return out;
    }

    private Reading<List<LogDir>> logDirs(KafkaFuture<Map<String, LogDirDescription>> f, long deadline,
                                          Reading<List<LogDir>> previous, int broker, Instant now) {
        try {
            Map<String, LogDirDescription> m = get(f, deadline);
            List<LogDir> dirs = new ArrayList<>();
            new LinkedHashMap<>(new java.util.TreeMap<>(m)).forEach((path, d) -> dirs.add(new LogDir(path,
                    d.replicaInfos().values().stream().mapToLong(ReplicaInfo::size).sum(),
                    d.totalBytes().isPresent() ? d.totalBytes().getAsLong() : null,
                    d.usableBytes().isPresent() ? d.usableBytes().getAsLong() : null,
                    d.error() == null ? null : d.error().getMessage())));
            return Reading.ok(dirs, now);
        } catch (Exception e) {
            return Reading.failed(previous, now, Why.failed(e, "broker " + broker, timeout));
        }
    }

    private static int ms(long deadline) {
        return (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    private static <T> T get(KafkaFuture<T> f, long deadline) throws Exception {
        try {
            return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
