package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.util.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateChecksTest {

    @TempDir
    Path dir;

    private Inventory inv;
    private PkiLayout layout;
    private CertificateAuthority ca;

    @BeforeEach
    void setUp() throws Exception {
        inv = TestPki.load(TestPki.threeHosts(dir, ""));
        layout = PkiLayout.of(inv);
        ca = TestPki.savedCa(inv, KeyType.EC_P256);
    }

    private List<CertificateChecks.Input> read(Inventory i, KeystoreType expected) throws Exception {
        List<CertificateChecks.Input> in = new ArrayList<>();
        for (Host h : i.hosts()) {
            in.add(new CertificateChecks.Input(h, HostFiles.read(layout.hostDir(h.name()), h.name(), expected), expected));
        }
        return in;
    }

    private List<String> check(Inventory i, Instant now) throws Exception {
        return CertificateChecks.check(read(i, null), List.of(), ca.certificate(), now, 30).stream().map(CertificateChecks.Finding::format).toList();
    }

    @Test
    void freshlyIssuedStoresHaveNoFindings() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        assertEquals(List.of(), check(inv, Instant.now()));
    }

    @Test
    void aNameClientsUseWithoutASanBreaksTheHandshake() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        Inventory more = TestPki.load(TestPki.inventory(dir, "", TestPki.host("kafka1.example.com", "127.0.1.1", "broker1.example.com", "kafka.example.com"),
                TestPki.host("kafka2.example.com", "127.0.1.2"), TestPki.host("kafka3.example.com", "127.0.1.3")));
        List<CertificateChecks.Finding> f = CertificateChecks.check(read(more, null), List.of(), ca.certificate(), Instant.now(), 30);
        assertEquals(List.of("kafka1.example.com server.keystore.p12: error: no SAN for kafka.example.com: clients connecting to it"
                + " fail hostname verification — run 'kroll certs issue'"), f.stream().map(CertificateChecks.Finding::format).toList());
        assertTrue(CertificateChecks.breaksHandshake(f));
    }

    @Test
    void expiringSoonIsAWarningAndExpiredAnError() throws Exception {
        TestPki.issue(inv, ca, List.of(ca.certificate()), TestPki.settings(KeystoreType.PKCS12), Instant.now().minus(Duration.ofDays(350)));
        List<CertificateChecks.Finding> soon = CertificateChecks.check(read(inv, null), List.of(), ca.certificate(), Instant.now(), 30);
        assertFalse(CertificateChecks.breaksHandshake(soon));
        assertEquals(6, soon.size(), "server and client certificate of three hosts");
        assertTrue(soon.get(0).format().matches("kafka1.example.com server.keystore.p12: warning: the certificate expires in 1\\d days .*"),
                soon.get(0).format());
        List<CertificateChecks.Finding> later = CertificateChecks.check(read(inv, null), List.of(), ca.certificate(),
                Instant.now().plus(Duration.ofDays(30)), 30);
        assertTrue(CertificateChecks.breaksHandshake(later));
        assertTrue(later.get(0).format().contains("error: the certificate is not valid now (expired "), later.get(0).format());
    }

    @Test
    void aHostWithAnotherCasStoresIsUntrustedByItsPeersAndTrustsNone() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        Path other = Files.createDirectories(dir.resolve("other"));
        Inventory otherInv = TestPki.load(TestPki.threeHosts(other, ""));
        TestPki.issue(otherInv, CertificateAuthority.create("other CA", KeyType.EC_P256, 3650, Instant.now(), new SecureRandom()), KeystoreType.PKCS12);
        Path src = PkiLayout.of(otherInv).hostDir("kafka3.example.com");
        try (Stream<Path> files = Files.list(src)) {
            for (Path p : files.toList()) {
                Files.copy(p, layout.hostDir("kafka3.example.com").resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> f = check(inv, Instant.now());
        assertTrue(f.contains("kafka3.example.com server.keystore.p12: error: not signed by the current CA (issuer CN=other CA) — run 'kroll certs issue'"), f.toString());
        assertTrue(f.contains("kafka3.example.com truststore.p12: error: does not trust the current CA (CN=kroll CA test) — run 'kroll certs issue'"), f.toString());
        assertTrue(f.contains("kafka1.example.com truststore.p12: error: does not trust kafka3.example.com's server certificate (issuer CN=other CA)"
                + " — run 'kroll certs issue'"), f.toString());
        assertTrue(f.contains("kafka3.example.com truststore.p12: error: does not trust kafka1.example.com's client certificate"
                + " (issuer CN=kroll CA test) — run 'kroll certs issue'"), f.toString());
        assertFalse(f.stream().anyMatch(s -> s.startsWith("kafka1.example.com truststore.p12: error: does not trust kafka2")), f.toString());
    }

    @Test
    void aServerCertificateWithoutServerAuthOrWithAForeignKeyIsReported() throws Exception {
        Host h = inv.hosts().get(0);
        SubjectNames sans = SubjectNames.forHost(h);
        SecureRandom r = new SecureRandom();
        KeyAndChain clientOnly = ca.issue(LeafKind.CLIENT, h.name(), sans, KeyType.EC_P256, 365, Instant.now(), r);
        KeyAndChain other = ca.issue(LeafKind.SERVER, h.name(), sans, KeyType.EC_P256, 365, Instant.now(), r);
        KeyAndChain mismatched = new KeyAndChain(other.key(), ca.issue(LeafKind.CLIENT, "x", SubjectNames.NONE, KeyType.EC_P256, 365,
                Instant.now(), r).chain());
        HostSnapshot s = new HostSnapshot(h.name(), KeystoreType.PKCS12, StorePasswords.generate(r), clientOnly, mismatched,
                List.of(ca.certificate()), "props", Map.of());
        List<String> f = CertificateChecks.check(List.of(new CertificateChecks.Input(h, s, KeystoreType.PEM)), List.of(), ca.certificate(),
                Instant.now(), 30).stream().map(CertificateChecks.Finding::format).toList();
        assertEquals(List.of(
                "kafka1.example.com server.keystore.p12: error: is PKCS12 but the configuration names PEM — run 'kroll certs issue' to write PEM stores",
                "kafka1.example.com server.keystore.p12: error: extended key usage lacks serverAuth: TLS servers cannot use it — run 'kroll certs issue --force'",
                "kafka1.example.com client.keystore.p12: error: the private key does not match the certificate — run 'kroll certs issue --force'"), f);
    }

    @Test
    void missingStoresAndStrayDirectoriesAreNamed() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        Files.delete(layout.hostDir("kafka2.example.com").resolve("client.keystore.p12"));
        Files.createDirectories(layout.hostDir("kafka9.example.com"));
        List<CertificateChecks.Finding> f = CertificateChecks.check(read(inv, null), List.of("kafka9.example.com"), ca.certificate(),
                Instant.now(), 30);
        assertEquals(List.of("kafka2.example.com client.keystore.p12: error: missing — run 'kroll certs issue'",
                "kafka9.example.com: warning: has certificates but is not in the inventory — delete its directory under .kroll/pki/hosts/"
                        + " if the host is gone"), f.stream().map(CertificateChecks.Finding::format).toList());
        assertEquals(Severity.ERROR, f.get(0).severity());
    }
}
