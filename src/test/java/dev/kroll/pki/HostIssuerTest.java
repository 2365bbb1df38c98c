package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostIssuerTest {

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

    private Map<String, String> byHost(List<HostIssuer.Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(HostIssuer.Outcome::host, HostIssuer.Outcome::detail, (a, b) -> a, TreeMap::new));
    }

    private Map<String, HostIssuer.Status> statuses(List<HostIssuer.Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(HostIssuer.Outcome::host, HostIssuer.Outcome::status, (a, b) -> a, TreeMap::new));
    }

    private Map<Path, byte[]> files() throws Exception {
        try (Stream<Path> s = Files.walk(layout.hostsDir())) {
            Map<Path, byte[]> m = new TreeMap<>();
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(p, Files.readAllBytes(p));
            }
            return m;
        }
    }

    private Inventory rewrite(String extra, String... hosts) throws Exception {
        return TestPki.load(TestPki.inventory(dir, extra, hosts));
    }

    @Test
    void eachHostGetsExactlyTheFilesOfTheLayoutOwnerOnly() throws Exception {
        List<HostIssuer.Outcome> out = TestPki.issue(inv, ca, KeystoreType.PKCS12);
        assertTrue(out.stream().allMatch(o -> o.status() == HostIssuer.Status.ISSUED), out.toString());
        assertTrue(out.get(0).detail().startsWith("issued (new, EC P-256, valid until "), out.get(0).detail());
        Path d = layout.hostDir("kafka1.example.com");
        try (Stream<Path> s = Files.list(d)) {
            assertEquals(Set.of("server.keystore.p12", "client.keystore.p12", "truststore.p12", "ssl.secrets"),
                    s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
        try (Stream<Path> s = Files.list(d)) {
            for (Path p : s.toList()) {
                assertEquals("rw-------", CaStoreTest.mode(p), p.toString());
            }
        }
        assertEquals("rwx------", CaStoreTest.mode(d));
        assertEquals("rwx------", CaStoreTest.mode(layout.hostsDir()));
        StorePasswords pw = TestPki.passwords(d);
        for (String p : List.of(pw.keystore(), pw.truststore(), pw.clientKeystore())) {
            assertTrue(p.length() >= 24 && p.matches("[A-Za-z0-9]+"), "generated, long, nothing to quote");
        }
        assertEquals(pw.keystore(), pw.key(), "one secret per store");
        StorePasswords kafka2 = TestPki.passwords(layout.hostDir("kafka2.example.com"));
        assertFalse(pw.keystore().equals(kafka2.keystore()), "keystore passwords are per host");
        assertEquals(pw.truststore(), kafka2.truststore(), "new hosts share the truststore (public certificates), encoded once");
        assertArrayEquals(Files.readAllBytes(d.resolve("truststore.p12")),
                Files.readAllBytes(layout.hostDir("kafka2.example.com").resolve("truststore.p12")));
    }

    @Test
    void issuingAgainKeepsEveryHostAndRewritesNothing() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        Map<Path, byte[]> before = files();
        List<HostIssuer.Outcome> again = TestPki.issue(inv, ca, KeystoreType.PKCS12);
        assertEquals(Set.of(HostIssuer.Status.UNCHANGED), Set.copyOf(statuses(again).values()), again.toString());
        assertTrue(again.get(0).detail().startsWith("unchanged (valid until "), again.get(0).detail());
        Map<Path, byte[]> after = files();
        assertEquals(before.keySet(), after.keySet());
        before.forEach((p, b) -> assertArrayEquals(b, after.get(p), p.toString()));
    }

    @Test
    void aNewAddressReissuesOnlyThatHostAndNamesTheChangedSans() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        StorePasswords kept = TestPki.passwords(layout.hostDir("kafka2.example.com"));
        inv = rewrite("", TestPki.host("kafka1.example.com", "127.0.1.1", "broker1.example.com"),
                TestPki.host("kafka2.example.com", "127.0.1.9"), TestPki.host("kafka3.example.com", "127.0.1.3"));
        List<HostIssuer.Outcome> out = TestPki.issue(inv, ca, KeystoreType.PKCS12);
        assertEquals(Map.of("kafka1.example.com", HostIssuer.Status.UNCHANGED, "kafka2.example.com", HostIssuer.Status.REISSUED,
                "kafka3.example.com", HostIssuer.Status.UNCHANGED), statuses(out));
        assertEquals("re-issued: SANs changed: +127.0.1.9 -127.0.1.2", byHost(out).get("kafka2.example.com"));
        assertEquals(kept, TestPki.passwords(layout.hostDir("kafka2.example.com")), "passwords survive a re-issue");
        X509Certificate leaf = HostFiles.read(layout.hostDir("kafka2.example.com"), "kafka2.example.com", KeystoreType.PKCS12).server().leaf();
        assertTrue(SubjectNames.of(leaf).covers("127.0.1.9"));
    }

    @Test
    void aNewAliasReissuesThatHost() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        inv = rewrite("", TestPki.host("kafka1.example.com", "127.0.1.1", "broker1.example.com", "kafka.example.com"),
                TestPki.host("kafka2.example.com", "127.0.1.2"), TestPki.host("kafka3.example.com", "127.0.1.3"));
        assertEquals("re-issued: SANs changed: +kafka.example.com", byHost(TestPki.issue(inv, ca, KeystoreType.PKCS12)).get("kafka1.example.com"));
    }

    @Test
    void certificatesWithinThirtyDaysOfExpiryAreRenewed() throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofDays(340));
        TestPki.issue(inv, ca, List.of(ca.certificate()), TestPki.settings(KeystoreType.PKCS12), longAgo);
        Map<String, String> out = byHost(TestPki.issue(inv, ca, KeystoreType.PKCS12));
        assertTrue(out.get("kafka1.example.com").matches("re-issued: server certificate expires in 2\\d days; client certificate expires in 2\\d days"),
                out.get("kafka1.example.com"));
    }

    @Test
    void aNewCaReissuesEveryHostWhileTruststoresStillTrustTheOldOne() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        CertificateAuthority next = CertificateAuthority.create("kroll CA test 2", KeyType.EC_P256, 3650, Instant.now(), new java.security.SecureRandom());
        List<X509Certificate> both = List.of(next.certificate(), ca.certificate());
        List<HostIssuer.Outcome> out = TestPki.issue(inv, next, both, TestPki.settings(KeystoreType.PKCS12), Instant.now());
        assertEquals(Set.of(HostIssuer.Status.REISSUED), Set.copyOf(statuses(out).values()));
        assertTrue(out.get(0).detail().contains("server certificate signed by another CA (CN=kroll CA test)"), out.get(0).detail());
        HostSnapshot s = HostFiles.read(layout.hostDir("kafka3.example.com"), "kafka3.example.com", KeystoreType.PKCS12);
        assertEquals(Set.copyOf(both), Set.copyOf(s.trusted()));

        List<HostIssuer.Outcome> dropped = TestPki.issue(inv, next, List.of(next.certificate()), TestPki.settings(KeystoreType.PKCS12), Instant.now());
        assertEquals(Set.of(HostIssuer.Status.TRUST_UPDATED), Set.copyOf(statuses(dropped).values()));
        assertEquals("truststore updated: trusted CAs changed: -CN=kroll CA test", dropped.get(0).detail());
    }

    @Test
    void changingTheStoreTypeReplacesTheStores() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        List<HostIssuer.Outcome> out = TestPki.issue(inv, ca, KeystoreType.PEM);
        assertEquals("re-issued: store type PKCS12 → PEM", out.get(0).detail());
        Path d = layout.hostDir("kafka1.example.com");
        assertFalse(Files.exists(d.resolve("server.keystore.p12")));
        assertTrue(Files.readString(d.resolve("server.keystore.pem")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        assertEquals(Set.of(HostIssuer.Status.UNCHANGED), Set.copyOf(statuses(TestPki.issue(inv, ca, KeystoreType.PEM)).values()));
    }

    @Test
    void aDamagedKeystoreIsReissued() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.JKS);
        Files.write(layout.hostDir("kafka3.example.com").resolve("server.keystore.jks"), new byte[] {1, 2, 3});
        String detail = byHost(TestPki.issue(inv, ca, KeystoreType.JKS)).get("kafka3.example.com");
        assertTrue(detail.startsWith("re-issued: server.keystore.jks cannot be read"), detail);
    }

    @Test
    void askingForAnotherKeyTypeReissues() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        HostIssuer.Settings rsa = new HostIssuer.Settings(KeystoreType.PKCS12, KeyType.RSA_2048, 365, null, false);
        List<HostIssuer.Outcome> out = TestPki.issue(inv, ca, List.of(ca.certificate()), rsa, Instant.now());
        assertEquals("re-issued: server key type EC P-256 → RSA 2048; client key type EC P-256 → RSA 2048", out.get(0).detail());
    }

    @Test
    void givenStorePasswordsReplaceGeneratedOnes() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        HostIssuer.Settings given = new HostIssuer.Settings(KeystoreType.PKCS12, null, 365, StorePasswords.same("operator-chosen-1"), false);
        List<HostIssuer.Outcome> out = TestPki.issue(inv, ca, List.of(ca.certificate()), given, Instant.now());
        assertEquals("re-issued: store passwords changed", out.get(0).detail());
        assertEquals(StorePasswords.same("operator-chosen-1"), TestPki.passwords(layout.hostDir("kafka1.example.com")));
        assertEquals(Set.of(HostIssuer.Status.UNCHANGED),
                Set.copyOf(statuses(TestPki.issue(inv, ca, List.of(ca.certificate()), given, Instant.now())).values()));
    }

    @Test
    void movingTheSecretsDirectoryChangesNothingHere() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        inv = TestPki.load(TestPki.threeHosts(dir, "paths:\n  secrets_dir: /opt/kafka/ssl\n"));
        // the stores do not name their own location; the rendered configuration does
        assertEquals(Set.of(HostIssuer.Status.UNCHANGED), Set.copyOf(statuses(TestPki.issue(inv, ca, KeystoreType.PKCS12)).values()));
    }

    @Test
    void aClientPropertiesLeftByAnOlderKrollIsRemovedSoOnlyTheRenderedOneShips() throws Exception {
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        Path leftover = layout.hostDir("kafka2.example.com").resolve(PkiLayout.CLIENT_PROPERTIES);
        Files.writeString(leftover, "security.protocol=SSL\n");
        Map<String, HostIssuer.Status> st = statuses(TestPki.issue(inv, ca, KeystoreType.PKCS12));
        assertEquals(HostIssuer.Status.LEFTOVER_REMOVED, st.get("kafka2.example.com"));
        assertEquals(HostIssuer.Status.UNCHANGED, st.get("kafka1.example.com"));
        assertFalse(Files.exists(leftover));
        assertEquals(Set.of(HostIssuer.Status.UNCHANGED), Set.copyOf(statuses(TestPki.issue(inv, ca, KeystoreType.PKCS12)).values()));
    }

    @Test
    void theNewAndChangedPlansAreTheOnlyOnesThatNeedTheCaKey() throws Exception {
        HostIssuer issuer = new HostIssuer(inv, layout, 2);
        TestPki.issue(inv, ca, KeystoreType.PKCS12);
        List<HostIssuer.Plan> plans = issuer.plan(ca.certificate(), List.of(ca.certificate()), TestPki.settings(KeystoreType.PKCS12), Instant.now());
        assertTrue(plans.stream().noneMatch(HostIssuer.Plan::needsCaKey), "an unchanged run never asks for the passphrase");
        // and without the CA key, unchanged hosts are still reported
        List<HostIssuer.Outcome> out = issuer.execute(plans, null, List.of(ca.certificate()), TestPki.settings(KeystoreType.PKCS12), Instant.now());
        assertEquals(Set.of(HostIssuer.Status.UNCHANGED), Set.copyOf(statuses(out).values()));
    }
}
