package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.inventory.Role;
import dev.kroll.sandbox.SandboxLayout;
import dev.kroll.sandbox.SandboxProcesses;
import dev.kroll.sandbox.junit.ListeningSockets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kroll demo --headless --keep-running} in this JVM on a sandbox under a temp directory: the shipped
 * first-time-setup runs through the engine, each step is printed, and the final summary's instructions
 * work as printed (SSL with the named client settings; PLAINTEXT closed). Interrupting it (what Ctrl-C
 * does to the waiting command) stops every process it started.
 */
class DemoHeadlessIT {

    @TempDir
    Path tmp;

    @AfterAll
    static void clear() {
        System.clearProperty("kroll.ca.password.file");
    }

    @Test
    void theHeadlessDemoMigratesTheSandboxToSslAndItsSummaryTellsHowToConnect() throws Exception {
        Path root = tmp.resolve("sandbox");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread demo = new Thread(() -> exit.set(Main.execute(new String[] {"demo", "--headless", "--keep-running", "--dir", root.toString(),
            "--slot", "auto"}, new PrintWriter(out, true), new PrintWriter(err, true))), "kroll-demo-under-test");
        demo.start();
        try {
            long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (!out.toString().contains("running until Ctrl-C") && demo.isAlive() && System.nanoTime() < end) {
                Thread.sleep(500);
            }
            String o = out.toString();
            assertTrue(o.contains("running until Ctrl-C"), "exit " + exit.get() + "\n" + o + "\n" + err);

            for (String step : List.of("[1/12] Check every host", "[2/12] Install Kafka and ZooKeeper", "[5/12] Wait for the ZooKeeper quorum",
                    "[6/12] Start the brokers on PLAINTEXT", "[7/12] Issue certificates", "[8/12] Distribute", "[9/12] Roll 1/3",
                    "[11/12] Roll 3/3", "[12/12] Verify every SSL listener")) {
                assertTrue(o.contains(step), step + " missing:\n" + o);
            }
            assertEquals(3, o.lines().filter(l -> l.matches("    kroll-sandbox-\\d: accepted \\[nofile] error: .*")).count(), o);
            assertEquals(3, o.lines().filter(l -> l.endsWith("verify-ssl unchanged — TLS handshake verified, client certificate required, PLAINTEXT closed"))
                    .count(), o);
            assertTrue(o.contains("first-time-setup passed in "), o);

            // the summary's instructions, followed as printed
            Matcher brokers = Pattern.compile("on SSL only \\(client certificate required, PLAINTEXT closed\\)  (\\S+)").matcher(o);
            assertTrue(brokers.find(), o);
            Matcher props = Pattern.compile("--producer.config (\\S+) --topic demo").matcher(o);
            assertTrue(props.find(), o);
            Path clientProperties = Path.of(props.group(1));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(clientProperties)));
            assertEquals("hello over SSL", roundTrip(brokers.group(1), clientProperties));
            Inventory inv = KrollYaml.load(root.resolve("cluster.yaml"));
            for (Host h : inv.hosts(Role.KAFKA)) {
                assertFalse(accepts(h.address(), h.ports().kafkaPlaintext()), h.name() + " still listens on PLAINTEXT");
            }

            // every service of the sandbox listens on loopback only
            List<ProcessHandle> services = SandboxProcesses.strays(new SandboxLayout(root));
            assertTrue(services.size() >= 6, services.toString());
            for (ProcessHandle p : services) {
                for (InetSocketAddress a : ListeningSockets.of(p.pid())) {
                    assertTrue(a.getAddress().isLoopbackAddress(), p.info().commandLine().orElse("?") + " listens on " + a);
                }
            }

            // the CA passphrase: generated into a 0600 file, never printed or logged
            Path passFile = root.resolve(".kroll/ca-passphrase");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passFile)));
            String passphrase = Files.readString(passFile).trim();
            assertTrue(passphrase.length() >= 32);
            assertFalse(o.contains(passphrase) || err.toString().contains(passphrase), "the passphrase was printed");
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.equals(passFile))
                        .filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".out") || f.toString().endsWith(".json")).toList()) {
                    assertFalse(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(passphrase), f + " holds the passphrase");
                }
            }
        } finally {
            demo.interrupt(); // what Ctrl-C's shutdown hook amounts to for the waiting command: close the sandbox
            demo.join(Duration.ofMinutes(2).toMillis());
        }
        assertFalse(demo.isAlive());
        assertTrue(out.toString().endsWith("sandbox stopped\n"), out.toString());
        List<ProcessHandle> left = SandboxProcesses.strays(new SandboxLayout(root));
        assertEquals(List.of(), left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).collect(Collectors.toList()),
                "processes of the sandbox left behind");
    }

    /** Produces one record and reads it back with exactly the client settings the summary names. */
    private static String roundTrip(String bootstrap, Path clientProperties) throws IOException {
        Properties client = new Properties();
        try (Reader r = Files.newBufferedReader(clientProperties)) {
            client.load(r);
        }
        client.put("bootstrap.servers", bootstrap);
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("demo", "k", "hello over SSL")).get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("producing over SSL failed", e);
        }
        Properties c = new Properties();
        c.putAll(client);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "demo-it");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("demo"));
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < end) {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(500))) {
                    return rec.value();
                }
            }
        }
        return "nothing read back";
    }

    private static boolean accepts(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
