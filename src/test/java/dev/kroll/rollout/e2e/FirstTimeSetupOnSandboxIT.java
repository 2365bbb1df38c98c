package dev.kroll.rollout.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.cli.Main;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryWriter;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.inventory.PreflightAcceptance;
import dev.kroll.inventory.PreflightCheck;
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
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code first-time-setup} on a 3-host sandbox, from empty hosts (nothing installed) to an SSL-only
 * cluster with client authentication, through the command line and the real backends. The sandbox's
 * hosts share this machine's open-file limit (1024), which preflight rightly refuses for production
 * brokers: without the sandbox inventory's explicit acceptance the run refuses (exit 3, nothing
 * installed); with it, the shipped playbook runs unchanged and shows the accepted findings.
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

        // the same inventory without its preflight acceptance: refused before anything changes
        Inventory sandbox = KrollYaml.load(inv);
        assertEquals(List.of(PreflightCheck.NOFILE), sandbox.accepted().stream().map(PreflightAcceptance::check).toList());
        Inventory strict = new Inventory(sandbox.cluster(), null, sandbox.zookeeperChroot(), sandbox.theme(), sandbox.advertise(),
                sandbox.paths(), sandbox.services(), sandbox.broker(), sandbox.zookeeper(), sandbox.groups(), sandbox.hosts(),
                sandbox.monitoring(), sandbox.firewall(), sandbox.tls(), sandbox.pos());
        Path strictFile = inv.resolveSibling("strict.yaml");
        Files.writeString(strictFile, InventoryWriter.toYaml(strict));
        StringWriter refusedOut = new StringWriter();
        StringWriter refusedErr = new StringWriter();
        int refused = Main.execute(new String[] {"run", "first-time-setup", "-i", strictFile.toString(), "--yes", "--poll", "500ms",
            "--ca-password-file", pass.toString(), "--param", dist}, new PrintWriter(refusedOut), new PrintWriter(refusedErr));
        assertEquals(3, refused, refusedOut + "\n" + refusedErr);
        assertTrue(refusedErr.toString().contains("open-file limit of "), refusedErr.toString());
        assertFalse(Files.exists(cluster.sandbox().layout().home(cluster.host(0).name()).resolve("opt/kafka")), "nothing was installed");

        // the shipped first-time-setup, unchanged, on the sandbox's own inventory
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "first-time-setup", "-i", inv.toString(), "--yes", "--poll", "500ms",
            "--ca-password-file", pass.toString(), "--param", dist}, new PrintWriter(out), new PrintWriter(err));

        assertEquals(0, code, out + "\n" + err);
        String o = out.toString();
        for (String step : new String[] {"[1/12] Check every host", "[2/12] Install Kafka", "[6/12] Start the brokers on PLAINTEXT",
            "[7/12] Issue certificates", "[9/12] Roll 1/3", "[10/12] Roll 2/3", "[11/12] Roll 3/3", "[12/12] Verify every SSL listener"}) {
            assertTrue(o.contains(step), step + " missing:\n" + o);
        }
        assertEquals(3, o.lines().filter(l -> l.matches("    kroll-sandbox-\\d: accepted \\[nofile] error: .*open-file limit of .*"
                + "; accepted because: the simulated hosts are processes of this machine.*")).count(), o);
        assertTrue(o.lines().noneMatch(l -> l.contains("matched no finding")), o);
        String journal = journalOf(o, inv);
        assertTrue(journal.contains("accepted: nofile (the simulated hosts are processes of this machine"), journal);
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

    /** The journal file of the run whose first line the output shows ({@code run ID: playbook, N steps}). */
    private static String journalOf(String out, Path inv) throws IOException {
        String runId = out.lines().filter(l -> l.startsWith("run ")).findFirst().orElseThrow().split("[ :]")[1];
        return Files.readString(inv.resolveSibling(".kroll/journal/" + runId + ".json"));
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
