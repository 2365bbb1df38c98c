package dev.kroll.rollout.wire;

import dev.kroll.rollout.gate.PartitionState;
import dev.kroll.rollout.port.BrokerAdmin;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/**
 * kroll's own AdminClient for what the probes' snapshot does not carry: every partition with its
 * replicas, ISR and {@code min.insync.replicas} (the gate "no ISR falls below min.insync.replicas
 * without this broker" needs the healthy ones too), and the dynamic keystore reload.
 */
public final class KafkaAdmin implements BrokerAdmin, AutoCloseable {

    private final Properties config = new Properties();
    private final Duration timeout;
    private Admin admin;

    /** @param client bootstrap servers and security settings (for SSL: keystore, truststore, their passwords) */
    public KafkaAdmin(Map<String, String> client, Duration timeout) {
        this.timeout = timeout;
        config.putAll(client);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "kroll-rollout");
        String ms = String.valueOf(timeout.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    /**
     * Every partition of every topic (internal ones included), in topic order, each with its topic's effective
     * {@code min.insync.replicas} (a per-topic override, else the broker default, as describeConfigs reports it).
     * Two round trips: the topic names, then the descriptions and the configs requested together.
     */
    public List<PartitionState> partitions() throws IOException {
        try {
            Set<String> topics = get(admin().listTopics(new ListTopicsOptions().listInternal(true)).names());
            if (topics.isEmpty()) {
                return List.of();
            }
            Collection<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            KafkaFuture<Map<String, TopicDescription>> describing = admin().describeTopics(topics).allTopicNames();
            KafkaFuture<Map<ConfigResource, Config>> configuring = admin().describeConfigs(resources).all();
            Map<String, TopicDescription> described = get(describing);
            Map<String, Integer> minIsr = minInsyncReplicas(get(configuring));
            List<PartitionState> out = new ArrayList<>();
            for (TopicDescription t : new TreeMap<>(described).values()) {
                Integer min = minIsr.get(t.name());
                if (min == null) {
                    // deciding with a guessed minimum could let a broker stop that must not: unreadable instead
                    throw new IOException("min.insync.replicas of topic " + t.name() + " was not reported");
                }
                for (TopicPartitionInfo p : t.partitions()) {
                    Node leader = p.leader();
                    out.add(new PartitionState(t.name(), p.partition(), p.replicas().stream().map(Node::id).toList(),
                            p.isr().stream().map(Node::id).toList(), leader == null || leader.id() < 0 ? -1 : leader.id(), min));
                }
            }
            return out;
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot list partitions: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
    }

    /** Topic → its effective min.insync.replicas; topics whose config lacks it are left out. */
    static Map<String, Integer> minInsyncReplicas(Map<ConfigResource, Config> configs) {
        Map<String, Integer> out = new HashMap<>();
        configs.forEach((r, c) -> {
            ConfigEntry e = c.get("min.insync.replicas");
            if (e != null && e.value() != null && e.value().matches("\\d+")) {
                out.put(r.name(), Integer.parseInt(e.value()));
            }
        });
        return out;
    }

    @Override
    public void reloadKeystore(int brokerId, String listener, String keystoreLocation) throws IOException {
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, String.valueOf(brokerId));
        String key = "listener.name." + listener.toLowerCase(Locale.ROOT) + ".ssl.keystore.location";
        // Kafka reloads a keystore whose file changed even when the path stays the same (KAFKA-7429)
        AlterConfigOp set = new AlterConfigOp(new ConfigEntry(key, keystoreLocation), AlterConfigOp.OpType.SET);
        try {
            get(admin().incrementalAlterConfigs(Map.of(broker, List.of(set))).all());
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("broker " + brokerId + " did not take the new keystore (" + key + "): "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
    }

    private <T> T get(KafkaFuture<T> f) throws ExecutionException, TimeoutException, IOException {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }
}
