package dev.kroll.rollout.local;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.port.BrokerAdmin;
import dev.kroll.rollout.port.CertAuthority;
import dev.kroll.rollout.port.ClientTls;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.rollout.port.Verifier;
import dev.kroll.util.Files2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * Stand-in stores (random bytes and a random password per host, under {@code root/pki}) so the
 * engine's certificate steps can be driven locally; the real PKI and TLS checks are tested with
 * real keystores and handshakes elsewhere. A broker "presents" the keystore it loaded at start or
 * at the last dynamic reload.
 */
final class LocalPki implements CertAuthority, BrokerAdmin, Verifier {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final LocalCluster c;
    private final ClusterPlan plan;

    LocalPki(LocalCluster c, ClusterPlan plan) {
        this.c = c;
        this.plan = plan;
    }

    private Path dir(Host h) {
        return c.root.resolve("pki").resolve(h.name());
    }

    @Override
    public void issue(boolean renew) throws IOException {
        for (Host h : c.inventory.hosts(Role.KAFKA)) {
            Path ks = dir(h).resolve("server.keystore.p12");
            if (renew || !Files.exists(ks)) {
                byte[] b = new byte[256];
                RANDOM.nextBytes(b);
                Files2.writeAtomically(ks, b, Files2.OWNER_ONLY);
                Files2.writeAtomically(dir(h).resolve("password"), ("secret-" + HexFormat.of().formatHex(b, 0, 12)).getBytes(StandardCharsets.UTF_8),
                        Files2.OWNER_ONLY);
            }
        }
        Path trust = c.root.resolve("pki").resolve("truststore.p12");
        if (!Files.exists(trust)) {
            Files2.writeAtomically(trust, "local-ca".getBytes(StandardCharsets.UTF_8), null);
        }
    }

    /** The password the local CA generated for a host's stores (tests check it never leaks). */
    static String password(LocalCluster c, String host) throws IOException {
        return Files.readString(c.root.resolve("pki").resolve(host).resolve("password"));
    }

    @Override
    public List<RenderedFile> stores(Host host) throws IOException {
        String secrets = c.inventory.paths().secretsDir();
        Path d = dir(host);
        if (!Files.exists(d.resolve("server.keystore.p12"))) {
            throw new IOException("no certificates issued for " + host.name() + " yet");
        }
        List<RenderedFile> out = new ArrayList<>();
        out.add(RenderedFile.secret(serverKeystorePath(host), Files.readAllBytes(d.resolve("server.keystore.p12")), Role.KAFKA));
        out.add(new RenderedFile(secrets + "/truststore.p12", Files.readAllBytes(c.root.resolve("pki").resolve("truststore.p12")), 0644, false, Role.KAFKA));
        out.add(RenderedFile.secret(secrets + "/store-password", Files.readAllBytes(d.resolve("password")), Role.KAFKA));
        return out;
    }

    @Override
    public String serverKeystorePath(Host host) {
        return c.inventory.paths().secretsDir() + "/server.keystore.p12";
    }

    @Override
    public String serverCertificateFingerprint(Host host) throws IOException {
        return sha256(Files.readAllBytes(dir(host).resolve("server.keystore.p12")));
    }

    @Override
    public ClientTls adminClient() {
        throw new UnsupportedOperationException("no TLS clients in the local simulation");
    }

    @Override
    public void reloadKeystore(int brokerId, String listener, String keystoreLocation) throws IOException {
        Host h = c.inventory.hosts(Role.KAFKA).stream().filter(x -> plan.brokerId(x) == brokerId).findFirst().orElseThrow();
        if (c.startedAt(h.name(), Role.KAFKA) < 0) {
            throw new IOException("broker " + brokerId + " is not running");
        }
        presentKeystore(c, h);
        c.event(h.name(), "reload keystore listener=" + listener);
    }

    /** What a broker does when it loads its keystore (at start or on a dynamic reload). */
    static void presentKeystore(LocalCluster c, Host h) throws IOException {
        Path ks = c.onHost(h.name(), c.inventory.paths().secretsDir() + "/server.keystore.p12");
        Path presented = c.hostDir(h.name()).resolve("run").resolve("presented");
        if (Files.exists(ks)) {
            Files2.writeAtomically(presented, sha256(Files.readAllBytes(ks)));
        } else {
            Files.deleteIfExists(presented);
        }
    }

    @Override
    public String presentedCertificate(Host host) throws IOException {
        Path p = c.hostDir(host.name()).resolve("run").resolve("presented");
        return Files.exists(p) ? Files.readString(p) : "none";
    }

    @Override
    public List<String> verifyBroker(Host host) throws IOException {
        Properties p = LocalHosts.props(Files.readString(c.onHost(host.name(), c.inventory.paths().configDir() + "/server.properties")));
        List<String> problems = new ArrayList<>();
        if (p.getProperty("listeners", "").contains("PLAINTEXT://")) {
            problems.add("PLAINTEXT port 9092 is still open");
        }
        if (!"required".equals(p.getProperty("listener.name.ssl.ssl.client.auth", p.getProperty("ssl.client.auth")))) {
            problems.add("the SSL listener does not require client certificates");
        }
        return problems;
    }

    @Override
    public String canary() {
        return "canary checked (local simulation: no Kafka)";
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
