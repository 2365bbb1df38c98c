package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import java.nio.file.Path;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real JSSE handshakes with the stores kroll writes: mutual TLS, hostname verification on, on loopback only. */
class TlsHandshakeTest {

    @TempDir
    Path dir;

    private Inventory inv;
    private PkiLayout layout;

    private void issue(KeystoreType type, KeyType caType) throws Exception {
        inv = TestPki.load(TestPki.threeHosts(dir, ""));
        layout = PkiLayout.of(inv);
        CertificateAuthority ca = TestPki.savedCa(inv, caType);
        TestPki.issue(inv, ca, type);
    }

    private SSLContext server(String host, KeystoreType type) throws Exception {
        return server(layout.hostDir(host), type);
    }

    static SSLContext server(Path d, KeystoreType type) throws Exception {
        StorePasswords pw = TestPki.passwords(d);
        char[] keyPw = (type == KeystoreType.PEM ? pw.key() : pw.keystore()).toCharArray();
        return Handshake.context(TestPki.keyStore(d.resolve(PkiLayout.serverKeystore(type)), type, keyPw), keyPw,
                TestPki.trustStore(d.resolve(PkiLayout.truststore(type)), type, pw.truststore().toCharArray()));
    }

    static SSLContext client(Path d, KeystoreType type) throws Exception {
        StorePasswords pw = TestPki.passwords(d);
        char[] keyPw = pw.clientKeystore().toCharArray();
        return Handshake.context(TestPki.keyStore(d.resolve(PkiLayout.clientKeystore(type)), type, keyPw), keyPw,
                TestPki.trustStore(d.resolve(PkiLayout.truststore(type)), type, pw.truststore().toCharArray()));
    }

    @ParameterizedTest
    @EnumSource(KeystoreType.class)
    void mutualTlsSucceedsByHostNameShortNameAliasAndAddress(KeystoreType type) throws Exception {
        issue(type, KeyType.EC_P256);
        SSLContext kafka1 = server("kafka1.example.com", type);
        SSLContext adminOnKafka2 = client(layout.hostDir("kafka2.example.com"), type);
        for (String name : List.of("kafka1.example.com", "kafka1", "broker1.example.com")) {
            Handshake.Result r = Handshake.run(kafka1, adminOnKafka2, "127.0.0.1", name);
            assertTrue(r.ok(), type + " by " + name + ": " + r.describe());
        }
        Handshake.Result byIp = Handshake.run(kafka1, adminOnKafka2, "127.0.1.1", "127.0.1.1");
        assertTrue(byIp.ok(), type + " by IP: " + byIp.describe());
    }

    @ParameterizedTest
    @EnumSource(KeystoreType.class)
    void brokersAuthenticateEachOtherWithTheirServerKeystores(KeystoreType type) throws Exception {
        issue(type, KeyType.EC_P256);
        // inter-broker: kafka3 connects to kafka2 presenting its own server certificate (EKU clientAuth)
        Handshake.Result r = Handshake.run(server("kafka2.example.com", type), server("kafka3.example.com", type),
                "127.0.1.2", "kafka2.example.com");
        assertTrue(r.ok(), r.describe());
    }

    @Test
    void rsaKeysHandshakeToo() throws Exception {
        issue(KeystoreType.PKCS12, KeyType.RSA_2048);
        Handshake.Result r = Handshake.run(server("kafka1.example.com", KeystoreType.PKCS12),
                client(layout.hostDir("kafka3.example.com"), KeystoreType.PKCS12), "127.0.1.1", "127.0.1.1");
        assertTrue(r.ok(), r.describe());
    }

    @Test
    void handshakeFailsForANameTheCertificateDoesNotCarry() throws Exception {
        issue(KeystoreType.PKCS12, KeyType.EC_P256);
        Handshake.Result r = Handshake.run(server("kafka1.example.com", KeystoreType.PKCS12),
                client(layout.hostDir("kafka2.example.com"), KeystoreType.PKCS12), "127.0.0.1", "kafka2.example.com");
        assertFalse(r.ok());
        assertTrue(r.clientError() instanceof SSLHandshakeException, r.describe());
        assertTrue(causes(r.clientError()).contains("No subject alternative DNS name matching kafka2.example.com"), r.describe());
    }

    @Test
    void handshakeFailsForAnAddressTheCertificateDoesNotCarry() throws Exception {
        issue(KeystoreType.PKCS12, KeyType.EC_P256);
        Handshake.Result r = Handshake.run(server("kafka1.example.com", KeystoreType.PKCS12),
                client(layout.hostDir("kafka2.example.com"), KeystoreType.PKCS12), "127.0.1.2", "127.0.1.2");
        assertFalse(r.ok());
        assertTrue(causes(r.clientError()).contains("No subject alternative names matching IP address 127.0.1.2"), r.describe());
    }

    @Test
    void handshakeFailsWithAnExpiredServerCertificate() throws Exception {
        inv = TestPki.load(TestPki.threeHosts(dir, ""));
        layout = PkiLayout.of(inv);
        Instant twoYearsAgo = Instant.now().minus(Duration.ofDays(730));
        CertificateAuthority ca = TestPki.newCa(KeyType.EC_P256, twoYearsAgo.minus(Duration.ofDays(1)));
        TestPki.issue(inv, ca, List.of(ca.certificate()), TestPki.settings(KeystoreType.PKCS12), twoYearsAgo);
        Handshake.Result r = Handshake.run(server("kafka1.example.com", KeystoreType.PKCS12),
                client(layout.hostDir("kafka2.example.com"), KeystoreType.PKCS12), "127.0.0.1", "kafka1.example.com");
        assertFalse(r.ok());
        assertTrue(hasCause(r.clientError(), CertificateExpiredException.class), r.describe());
    }

    @Test
    void handshakeFailsWhenTheServerIsSignedByAnUntrustedCa() throws Exception {
        issue(KeystoreType.PKCS12, KeyType.EC_P256);
        Path other = dir.resolve("other");
        Inventory otherInv = TestPki.load(TestPki.threeHosts(java.nio.file.Files.createDirectories(other), ""));
        TestPki.issue(otherInv, TestPki.newCa(KeyType.EC_P256, Instant.now()), KeystoreType.PKCS12);
        Handshake.Result r = Handshake.run(server(PkiLayout.of(otherInv).hostDir("kafka1.example.com"), KeystoreType.PKCS12),
                client(layout.hostDir("kafka2.example.com"), KeystoreType.PKCS12), "127.0.0.1", "kafka1.example.com");
        assertFalse(r.ok());
        assertTrue(causes(r.clientError()).contains("PKIX path"), r.describe()); // "building failed" or, same CA name, "validation failed"
    }

    @Test
    void handshakeFailsWithoutAClientCertificate() throws Exception {
        issue(KeystoreType.PKCS12, KeyType.EC_P256);
        Path d = layout.hostDir("kafka2.example.com");
        SSLContext noCertificate = Handshake.context(null, null,
                TestPki.trustStore(d.resolve("truststore.p12"), KeystoreType.PKCS12, TestPki.passwords(d).truststore().toCharArray()));
        Handshake.Result r = Handshake.run(server("kafka1.example.com", KeystoreType.PKCS12), noCertificate, "127.0.0.1", "kafka1.example.com");
        assertFalse(r.ok());
        assertNotNull(r.serverError(), r.describe());
        assertTrue(r.serverError() instanceof SSLHandshakeException, r.describe());
    }

    @Test
    void handshakeFailsWhenTheClientCertificateComesFromAnotherCa() throws Exception {
        issue(KeystoreType.PKCS12, KeyType.EC_P256);
        Path other = java.nio.file.Files.createDirectories(dir.resolve("other"));
        Inventory otherInv = TestPki.load(TestPki.threeHosts(other, ""));
        TestPki.issue(otherInv, TestPki.newCa(KeyType.EC_P256, Instant.now()), KeystoreType.PKCS12);
        Handshake.Result r = Handshake.run(server("kafka1.example.com", KeystoreType.PKCS12),
                client(PkiLayout.of(otherInv).hostDir("kafka2.example.com"), KeystoreType.PKCS12), "127.0.0.1", "kafka1.example.com");
        assertFalse(r.ok());
        assertNotNull(r.clientError(), r.describe()); // the client does not trust the server's CA either
    }

    static String causes(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c).append(" | ");
        }
        return sb.toString();
    }

    static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
