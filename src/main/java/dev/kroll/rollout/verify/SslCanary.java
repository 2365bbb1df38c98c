package dev.kroll.rollout.verify;

import dev.kroll.rollout.port.ClientTls;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces one record to a canary topic over SSL (acks=all, with the client certificate) and reads
 * it back at the offset the broker acknowledged. The topic is created on first use with the
 * cluster's replication.
 */
public final class SslCanary {

    public static final String TOPIC = "kroll-canary";

    private SslCanary() {
    }

    /** Kafka client settings for SSL with {@code tls}; the passwords go into client config only (never logged by Kafka). */
    public static Map<String, Object> sslClient(String bootstrap, ClientTls tls) {
        Map<String, Object> c = new HashMap<>();
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
        c.put(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, tls.keystore().toString());
        c.put(SslConfigs.SSL_KEYSTORE_TYPE_CONFIG, tls.keystoreType());
        c.put(SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, new String(tls.keystorePassword()));
        c.put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, new String(tls.keystorePassword()));
        c.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, tls.truststore().toString());
        c.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, tls.truststoreType());
        c.put(SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, new String(tls.truststorePassword()));
        c.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "https");
        c.put(SslConfigs.SSL_ENABLED_PROTOCOLS_CONFIG, "TLSv1.3,TLSv1.2");
        return c;
    }

    /** @param replication the canary topic's replication factor when it has to be created */
    public static String run(Map<String, Object> client, short replication, Duration timeout) throws IOException {
        String value = "kroll canary " + UUID.randomUUID() + " " + Instant.now();
        try (Admin admin = Admin.create(client)) {
            try {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, replication))).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            Map<String, Object> p = new HashMap<>(client);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
            RecordMetadata sent;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                sent = producer.send(new ProducerRecord<>(TOPIC, value)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            Map<String, Object> c = new HashMap<>(client);
            c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
                TopicPartition tp = new TopicPartition(TOPIC, sent.partition());
                consumer.assign(Set.of(tp));
                consumer.seek(tp, sent.offset());
                long end = System.nanoTime() + timeout.toNanos();
                while (System.nanoTime() < end) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.offset() == sent.offset()) {
                            if (!value.equals(r.value())) {
                                throw new IOException("the canary at " + tp + "@" + r.offset() + " came back different");
                            }
                            return "canary produced to " + tp + " at offset " + sent.offset() + " (acks=all) and read back over SSL";
                        }
                    }
                }
                throw new IOException("the canary produced to " + tp + " at offset " + sent.offset() + " was not read back within " + timeout.toSeconds() + "s");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the canary over SSL failed: " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
