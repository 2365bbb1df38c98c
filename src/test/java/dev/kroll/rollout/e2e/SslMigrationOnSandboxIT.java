package dev.kroll.rollout.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.cli.Main;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.EngineSettings;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunOutcome;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.port.BackendProvider.OpenBackend;
import dev.kroll.rollout.port.ClientTls;
import dev.kroll.rollout.verify.SslCanary;
import dev.kroll.rollout.verify.TlsChecks;
import dev.kroll.rollout.wire.PkiCerts;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import dev.kroll.util.Files2;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shipped {@code ssl-migration} on a running 3-host sandbox while a producer (acks=all,
 * idempotence on) writes to a topic with replication factor 3 and min.insync.replicas 2; a
 * consumer reads everything back over SSL afterwards. The producer moves from PLAINTEXT to SSL
 * once the first roll has put an SSL listener on every broker (as applications must before
 * PLAINTEXT closes). Then {@code cert-rotation} on the SSL-only cluster: new certificates, no restart.
 */
@KrollSandbox(hosts = 3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SslMigrationOnSandboxIT {

    static final String TOPIC = "payments";

    @AfterAll
    static void clear() {
        System.clearProperty("kroll.ca.password.file");
    }

    static Path passphrase(SandboxCluster cluster) throws IOException {
        Path pass = cluster.inventoryFile().resolveSibling("ca-passphrase");
        Files2.writeAtomically(pass, "a long sandbox CA passphrase\n".getBytes(StandardCharsets.UTF_8), Files2.OWNER_ONLY);
        System.setProperty("kroll.ca.password.file", pass.toString());
        return pass;
    }

    @Test
    @Order(1)
    void everyAcknowledgedMessageIsReadExactlyOnceAcrossTheMigration(SandboxCluster cluster) throws Exception {
        passphrase(cluster);
        Inventory inv = cluster.inventory();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 3).configs(Map.of("min.insync.replicas", "2"))))
                    .all().get(60, TimeUnit.SECONDS);
        }
        SandboxHealth.awaitInSync(cluster);
        String sslBootstrap = inv.hosts(Role.KAFKA).stream().map(h -> h.address() + ":" + h.ports().kafkaSsl()).collect(Collectors.joining(","));

        Set<Long> acked = ConcurrentHashMap.newKeySet();
        AtomicLong failed = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicBoolean sslReady = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch producerDone = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            try {
                produce(cluster.bootstrapServers(), Map.of(), sslReady, stop, acked, failed, sent);
                produce(sslBootstrap, sslClient(cluster, sslBootstrap), stop, stop, acked, failed, sent);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                producerDone.countDown();
            }
        }, "zero-loss-producer");
        producer.start();

        RunResult r;
        try (OpenBackend backend = Backends.open(inv)) {
            Rollout rollout = new Rollout(inv, backend.backend(), EngineSettings.DEFAULT.withPoll(Duration.ofMillis(500)), Clock.systemUTC());
            Playbook pb = rollout.load("ssl-migration");
            r = rollout.run(pb, rollout.params(pb, Map.of()), e -> {
                if (e instanceof RunEvent.StepDone d && d.index() == 2) {
                    sslReady.set(true); // every broker has its SSL listener now
                }
            });
        } finally {
            Thread.sleep(2000); // a little traffic on the finished cluster too
            stop.set(true);
            assertTrue(producerDone.await(3, TimeUnit.MINUTES));
        }
        assertEquals(RunOutcome.SUCCEEDED, r.outcome(), r.message());

        Map<Long, Integer> read = consumeAll(sslBootstrap, sslClient(cluster, sslBootstrap), acked);
        long missing = acked.stream().filter(k -> !read.containsKey(k)).count();
        long duplicated = read.values().stream().filter(n -> n > 1).count();
        String counts = "sent " + sent.get() + ", acknowledged " + acked.size() + ", failed " + failed.get() + ", read " + read.size()
                + " distinct (" + read.values().stream().mapToInt(Integer::intValue).sum() + " records), acknowledged but missing "
                + missing + ", read more than once " + duplicated;
        System.out.println("ZERO-LOSS " + counts);
        Files.writeString(Path.of("target", "rollout-zero-loss.txt"), counts + "\n");
        assertTrue(acked.size() > 1000, counts);
        assertEquals(0, missing, counts);
        assertEquals(0, duplicated, counts);
    }

    @Test
    @Order(2)
    void certRotationReloadsEveryBrokersKeystoreWithoutARestart(SandboxCluster cluster) throws Exception {
        Path pass = passphrase(cluster);
        ClientTls admin = adminBundle(cluster.inventoryFile());
        TlsChecks tls = new TlsChecks(load(admin.truststore(), admin.truststoreType(), admin.truststorePassword()),
                load(admin.keystore(), admin.keystoreType(), admin.keystorePassword()), admin.keystorePassword(), Duration.ofSeconds(10));
        Map<String, String> before = new HashMap<>();
        Map<String, Long> pids = new HashMap<>();
        for (Host h : cluster.hosts(Role.KAFKA)) {
            before.put(h.name(), tls.presentedCertificate(h.address(), h.address(), h.ports().kafkaSsl()));
            pids.put(h.name(), cluster.process(h, Role.KAFKA).orElseThrow().pid());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.execute(new String[] {"run", "cert-rotation", "-i", cluster.inventoryFile().toString(), "--yes", "--poll", "500ms",
            "--ca-password-file", pass.toString()}, new PrintWriter(out), new PrintWriter(err));

        assertEquals(0, code, out + "\n" + err);
        // the renewed admin bundle still verifies every listener
        ClientTls renewed = adminBundle(cluster.inventoryFile());
        TlsChecks after = new TlsChecks(load(renewed.truststore(), renewed.truststoreType(), renewed.truststorePassword()),
                load(renewed.keystore(), renewed.keystoreType(), renewed.keystorePassword()), renewed.keystorePassword(), Duration.ofSeconds(10));
        for (Host h : cluster.hosts(Role.KAFKA)) {
            String now = after.presentedCertificate(h.address(), h.address(), h.ports().kafkaSsl());
            assertTrue(!now.equals(before.get(h.name())), h.name() + " still presents its old certificate");
            assertEquals(pids.get(h.name()), cluster.process(h, Role.KAFKA).orElseThrow().pid(), h.name() + " was restarted");
        }
        assertEquals(3, out.toString().lines().filter(l -> l.contains("reload-keystore changed — reloaded without restart")).count(), out.toString());
    }

    private static void produce(String bootstrap, Map<String, Object> client, AtomicBoolean until, AtomicBoolean stop,
                                Set<Long> acked, AtomicLong failed, AtomicLong sent) {
        Map<String, Object> p = new HashMap<>(client);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            while (!until.get() && !stop.get()) {
                long seq = sent.getAndIncrement();
                producer.send(new ProducerRecord<>(TOPIC, String.valueOf(seq), "payment " + seq), (md, e) -> {
                    if (e == null) {
                        acked.add(seq);
                    } else {
                        failed.incrementAndGet();
                    }
                });
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            producer.flush();
        }
    }

    private static Map<Long, Integer> consumeAll(String bootstrap, Map<String, Object> client, Set<Long> expected) {
        Map<String, Object> c = new HashMap<>(client);
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "zero-loss-check");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<Long, Integer> read = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long idleSince = System.nanoTime();
            while (System.nanoTime() - idleSince < TimeUnit.SECONDS.toNanos(30) && !read.keySet().containsAll(expected)) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> r : records) {
                    read.merge(Long.parseLong(r.key()), 1, Integer::sum);
                }
                if (!records.isEmpty()) {
                    idleSince = System.nanoTime();
                }
            }
        }
        return read;
    }

    private static Map<String, Object> sslClient(SandboxCluster cluster, String bootstrap) throws IOException {
        return SslCanary.sslClient(bootstrap, adminBundle(cluster.inventoryFile()));
    }

    static ClientTls adminBundle(Path inv) throws IOException {
        Path props = inv.resolveSibling(".kroll/pki/clients/" + PkiCerts.ADMIN + "/client-ssl.properties");
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(props)));
        return new ClientTls(Path.of(p.getProperty("ssl.keystore.location")), p.getProperty("ssl.keystore.type"),
                p.getProperty("ssl.keystore.password").toCharArray(), Path.of(p.getProperty("ssl.truststore.location")),
                p.getProperty("ssl.truststore.type"), p.getProperty("ssl.truststore.password").toCharArray());
    }

    private static KeyStore load(Path f, String type, char[] password) throws Exception {
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(f)) {
            ks.load(in, password);
        }
        return ks;
    }
}
