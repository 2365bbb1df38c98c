package dev.kroll.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.sandbox.bootstrap.FourLetterWords;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.ListeningSockets;
import dev.kroll.sandbox.junit.SandboxCluster;
import dev.kroll.util.KrollException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real 3-host sandbox: ZooKeeper ensemble and 3 brokers started over SSH from the assembled distribution. */
@KrollSandbox(hosts = 3)
class SandboxClusterIT {

    @AfterEach
    void heal(SandboxCluster cluster) {
        cluster.heal();
    }

    @Test
    void theEnsembleHasOneLeaderAndTwoFollowers(SandboxCluster cluster) {
        List<String> modes = new ArrayList<>();
        for (Host h : cluster.hosts(Role.ZOOKEEPER)) {
            modes.add(FourLetterWords.mode(h.address(), h.ports().zookeeperClient()).orElse("not serving"));
            assertEquals("imok", FourLetterWords.ask(h.address(), h.ports().zookeeperClient(), "ruok").orElse(""));
        }
        assertEquals(1, modes.stream().filter("leader"::equals).count(), modes.toString());
        assertEquals(2, modes.stream().filter("follower"::equals).count(), modes.toString());
    }

    @Test
    void recordsProducedOverPlaintextAreConsumedBack(SandboxCluster cluster) throws Exception {
        createTopic(cluster, "greetings");
        List<String> sent = List.of("one", "two", "three", "four", "five");

        produce(cluster, "greetings", sent);

        assertEquals(Set.copyOf(sent), Set.copyOf(consume(cluster, "greetings", sent.size())));
    }

    @Test
    void aKilledBrokerRestartsAndTheClusterServesAgain(SandboxCluster cluster) throws Exception {
        createTopic(cluster, "survivors");
        Host victim = cluster.host(1);
        int victimId = cluster.brokerId(victim);

        long pid = cluster.kill(victim, Role.KAFKA);

        assertFalse(ProcessHandle.of(pid).map(SandboxProcesses::running).orElse(false));
        assertEquals(3, cluster.status(victim, Role.KAFKA), "status reports the killed broker down");
        Set<Integer> others = new TreeSet<>(cluster.allBrokerIds());
        others.remove(victimId);
        cluster.awaitBrokerIds(others);
        produce(cluster, "survivors", List.of("while-down"));

        cluster.start(victim, Role.KAFKA);

        cluster.awaitBrokerIds(cluster.allBrokerIds());
        assertEquals(0, cluster.status(victim, Role.KAFKA));
        produce(cluster, "survivors", List.of("after-restart"));
        assertEquals(Set.of("while-down", "after-restart"), Set.copyOf(consume(cluster, "survivors", 2)));
    }

    @Test
    void aCutSshServerRefusesKrollWhileTheBrokerKeepsServing(SandboxCluster cluster) {
        Host h = cluster.host(2);
        cluster.cutSsh(h);

        assertThrows(KrollException.class, () -> cluster.status(h, Role.KAFKA));
        assertTrue(cluster.process(h, Role.KAFKA).isPresent());
        cluster.awaitBrokerIds(cluster.allBrokerIds());

        cluster.restoreSsh(h);
        assertEquals(0, cluster.status(h, Role.KAFKA));
    }

    @Test
    void everyServiceListensOnlyOnItsHostsOwnAddress(SandboxCluster cluster) throws Exception {
        for (Host h : cluster.inventory().hosts()) {
            InetAddress own = InetAddress.getByName(h.address());
            for (Role role : h.roles()) {
                long pid = cluster.process(h, role).orElseThrow().pid();
                List<InetSocketAddress> listening = ListeningSockets.of(pid);
                assertFalse(listening.isEmpty(), role + " on " + h.name() + " listens");
                for (InetSocketAddress a : listening) {
                    assertEquals(own, a.getAddress(), role + " on " + h.name() + " listens on " + a);
                }
            }
        }
    }

    @Test
    void brokerJmxAnswersOnTheHostsAddress(SandboxCluster cluster) throws Exception {
        Host h = cluster.host(0);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + h.address() + ":" + h.ports().kafkaJmx() + "/jmxrmi");
        Map<String, Object> env = new HashMap<>();
        try (JMXConnector jmx = JMXConnectorFactory.connect(url, env)) {
            Object state = jmx.getMBeanServerConnection().getAttribute(new ObjectName("kafka.server:type=KafkaServer,name=BrokerState"), "Value");
            assertEquals((byte) 3, ((Number) state).byteValue(), "RUNNING");
        }
    }

    private static void createTopic(SandboxCluster cluster, String topic) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 3))).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static void produce(SandboxCluster cluster, String topic, List<String> values) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, v, v)).get(60, TimeUnit.SECONDS);
            }
        }
    }

    private static List<String> consume(SandboxCluster cluster, String topic, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> got = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (got.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    got.add(r.value());
                }
            }
        }
        return got;
    }
}
