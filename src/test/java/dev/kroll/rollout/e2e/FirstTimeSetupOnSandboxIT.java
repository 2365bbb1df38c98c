package dev.kroll.rollout.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.cli.Main;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.port.ClientTls;
import dev.kroll.rollout.verify.SslCanary;
import dev.kroll.rollout.wire.PkiCerts;
import dev.kroll.sandbox.KafkaDistribution;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import dev.kroll.util.Files2;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code first-time-setup} on a 3-host sandbox, from empty hosts (nothing installed) to an SSL-only
 * cluster with client authentication, through the command line and the real backends. The sandbox's
 * hosts share this machine's open-file limit (1024), which preflight rightly refuses for production
 * brokers: the test first sees that refusal (exit 3, nothing installed), then runs the playbook's
 * other steps — install to verification, the shipped ssl-migration included — unchanged.
 */
@KrollSandbox(hosts = 3, cluster = false)
class FirstTimeSetupOnSandboxIT {

    @AfterAll
    static void clear() {
        System.clearProperty("kroll.ca.password.file");
    }

    @Test
    void emptyHostsBecomeAnSslOnlyClusterThatPassesVerification(SandboxCluster cluster) throws Exception {
        Path inv = cluster.inventoryFile();
        Path pass = inv.resolveSibling("ca-passphrase");
        Files2.writeAtomically(pass, "a long sandbox CA passphrase\n".getBytes(StandardCharsets.UTF_8), Files2.OWNER_ONLY);
        String dist = "kafka-distribution=" + KafkaDistribution.locate().tarball();
        StringWriter refusedOut = new StringWriter();
        StringWriter refusedErr = new StringWriter();
        int refused = Main.execute(new String[] {"run", "first-time-setup", "-i", inv.toString(), "--yes", "--poll", "500ms",
            "--ca-password-file", pass.toString(), "--param", dist}, new PrintWriter(refusedOut), new PrintWriter(refusedErr));
        assertEquals(3, refused, refusedOut + "\n" + refusedErr);
        assertTrue(refusedErr.toString().contains("open-file limit of "), refusedErr.toString());
        assertFalse(Files.exists(cluster.sandbox().layout().home(cluster.host(0).name()).resolve("opt/kafka")), "nothing was installed");

        // the shipped first-time-setup without its first step
        String shipped = new String(FirstTimeSetupOnSandboxIT.class.getResourceAsStream("/playbooks/first-time-setup.yaml").readAllBytes(),
                StandardCharsets.UTF_8);
        String withoutPreflight = shipped.replace("  - preflight:\n      title: Check every host before changing anything\n", "");
        assertTrue(withoutPreflight.length() < shipped.length());
        Files.createDirectories(inv.resolveSibling("playbooks"));
        Files.writeString(inv.resolveSibling("playbooks/setup-without-preflight.yaml"), withoutPreflight);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = Main.execute(new String[] {"run", "setup-without-preflight", "-i", inv.toString(), "--yes", "--poll", "500ms",
            "--ca-password-file", pass.toString(), "--param", dist}, new PrintWriter(out), new PrintWriter(err));

        assertEquals(0, code, out + "\n" + err);
        String o = out.toString();
        for (String step : new String[] {"[1/11] Install Kafka", "[5/11] Start the brokers on PLAINTEXT", "[6/11] Issue certificates",
            "[8/11] Roll 1/3", "[9/11] Roll 2/3", "[10/11] Roll 3/3", "[11/11] Verify every SSL listener"}) {
            assertTrue(o.contains(step), step + " missing:\n" + o);
        }
        assertEquals(3, o.lines().filter(l -> l.matches("    \\S+: verify-ssl unchanged — TLS handshake verified, client certificate required, PLAINTEXT closed")).count(), o);
        assertTrue(o.lines().anyMatch(l -> l.matches("    jump-host: canary unchanged — canary produced to kroll-canary-0 at offset \\d+ \\(acks=all\\) and read back over SSL")), o);

        // checked again from outside kroll's own verification
        for (Host h : cluster.hosts(Role.KAFKA)) {
            assertFalse(accepts(h.address(), h.ports().kafkaPlaintext()), h.name() + " still listens on PLAINTEXT");
            String sp = Files.readString(cluster.sandbox().layout().home(h.name()).resolve("etc/kafka/server.properties"));
            assertTrue(sp.contains("listener phase ssl-only"), sp);
        }
        ClientTls admin = adminBundle(inv);
        String bootstrap = cluster.hosts(Role.KAFKA).stream().map(h -> h.address() + ":" + h.ports().kafkaSsl()).collect(Collectors.joining(","));
        assertTrue(SslCanary.run(SslCanary.sslClient(bootstrap, admin), (short) 3, Duration.ofSeconds(60)).startsWith("canary produced to kroll-canary-0"));
    }

    private static boolean accepts(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static ClientTls adminBundle(Path inv) throws IOException {
        Path props = inv.resolveSibling(".kroll/pki/clients/" + PkiCerts.ADMIN + "/client-ssl.properties");
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(props)));
        return new ClientTls(Path.of(p.getProperty("ssl.keystore.location")), p.getProperty("ssl.keystore.type"),
                p.getProperty("ssl.keystore.password").toCharArray(), Path.of(p.getProperty("ssl.truststore.location")),
                p.getProperty("ssl.truststore.type"), p.getProperty("ssl.truststore.password").toCharArray());
    }
}
