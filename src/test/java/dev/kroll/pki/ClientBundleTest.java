package dev.kroll.pki;

import dev.kroll.util.PropertiesText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClientBundleTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeystoreType.class)
    void anApplicationWithItsBundleConnectsToABroker(KeystoreType type) throws Exception {
        Inventory inv = TestPki.load(TestPki.threeHosts(dir, ""));
        CertificateAuthority ca = TestPki.savedCa(inv, KeyType.EC_P256);
        TestPki.issue(inv, ca, type);
        Path out = dir.resolve("billing");
        X509Certificate cert = ClientBundle.write(ca, List.of(ca.certificate()), "billing-service", type, KeyType.EC_P256, 30, out,
                out.toString(), List.of("test"), Instant.now());
        assertEquals("CN=billing-service", cert.getSubjectX500Principal().getName());

        Map<String, String> props = PropertiesText.parse(Files.readString(out.resolve(PkiLayout.CLIENT_PROPERTIES)));
        char[] keyPw = props.get("ssl.key.password").toCharArray();
        KeyStore ks = TestPki.keyStore(Path.of(props.get("ssl.keystore.location")), type, keyPw);
        KeyStore ts = TestPki.trustStore(Path.of(props.get("ssl.truststore.location")), type,
                StoreFormats.hasStorePasswords(type) ? props.get("ssl.truststore.password").toCharArray() : null);
        SSLContext app = Handshake.context(ks, keyPw, ts);
        Handshake.Result r = Handshake.run(TlsHandshakeTest.server(PkiLayout.of(inv).hostDir("kafka3.example.com"), type), app,
                "127.0.1.3", "kafka3.example.com");
        assertTrue(r.ok(), r.describe());
        assertEquals(StoreFormats.hasStorePasswords(type), props.containsKey("ssl.keystore.password"), "Kafka refuses store passwords for PEM");
    }
}
