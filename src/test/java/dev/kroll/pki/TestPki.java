package dev.kroll.pki;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.inventory.KrollYaml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** Builds inventories, CAs and issued hosts for tests, in a temporary directory. */
final class TestPki {

    static final char[] PASSPHRASE = "a test CA passphrase, long enough".toCharArray();
    /** Tests that do not measure the KDF use few iterations; CaStoreTest pins the real default. */
    static final int FAST_ITERATIONS = 1_000;

    private TestPki() {
    }

    /** One host line: name, address and aliases, with both roles. */
    static String host(String name, String address, String... aliases) {
        return "  - name: " + name + "\n    address: " + address + "\n    roles: [zookeeper, kafka]\n"
                + (aliases.length == 0 ? "" : "    aliases: [" + String.join(", ", aliases) + "]\n");
    }

    static Path inventory(Path dir, String extra, String... hosts) throws IOException {
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, "cluster:\n  name: test\n" + extra + "hosts:\n" + String.join("", hosts));
        return file;
    }

    /** The usual three hosts on their own loopback addresses. */
    static Path threeHosts(Path dir, String extra) throws IOException {
        return inventory(dir, extra,
                host("kafka1.example.com", "127.0.1.1", "broker1.example.com"),
                host("kafka2.example.com", "127.0.1.2"),
                host("kafka3.example.com", "127.0.1.3"));
    }

    static CertificateAuthority newCa(KeyType type, Instant now) {
        return CertificateAuthority.create("kroll CA test", type, 3650, now, new SecureRandom());
    }

    static CertificateAuthority savedCa(Inventory inv, KeyType type) throws IOException {
        CertificateAuthority ca = newCa(type, Instant.now());
        new CaStore(PkiLayout.of(inv)).save(ca, PASSPHRASE, FAST_ITERATIONS, false, Instant.now());
        return ca;
    }

    static HostIssuer.Settings settings(KeystoreType type) {
        return new HostIssuer.Settings(type, null, 365, null, false);
    }

    /** Plans and executes like 'kroll certs issue' does, with {@code ca} already unlocked. */
    static List<HostIssuer.Outcome> issue(Inventory inv, CertificateAuthority ca, List<X509Certificate> trusted, HostIssuer.Settings s,
                                          Instant now) {
        HostIssuer issuer = new HostIssuer(inv, PkiLayout.of(inv), 2);
        return issuer.execute(issuer.plan(ca.certificate(), trusted, s, now), ca, trusted, s, now);
    }

    static List<HostIssuer.Outcome> issue(Inventory inv, CertificateAuthority ca, KeystoreType type) {
        return issue(inv, ca, List.of(ca.certificate()), settings(type), Instant.now());
    }

    static Inventory load(Path file) {
        return KrollYaml.load(file);
    }

    static StorePasswords passwords(Path hostDir) throws IOException {
        return SecretsFile.read(hostDir.resolve(SecretsFile.NAME)).orElseThrow();
    }

    /** A JDK KeyStore from a file of the given type; PEM files are converted through Bouncy Castle. */
    static KeyStore keyStore(Path file, KeystoreType type, char[] password) throws Exception {
        byte[] data = Files.readAllBytes(file);
        if (type == KeystoreType.PEM) {
            KeyAndChain k = StoreFormats.of(type).readKeyStore(data, password);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("key", k.key(), password, k.chain().toArray(Certificate[]::new));
            return ks;
        }
        KeyStore ks = KeyStore.getInstance(type.kafkaName());
        ks.load(new ByteArrayInputStream(data), password);
        return ks;
    }

    static KeyStore trustStore(Path file, KeystoreType type, char[] password) throws Exception {
        if (type == KeystoreType.PEM) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : Pem.parse(Files.readString(file, StandardCharsets.US_ASCII)).certificates()) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            return ks;
        }
        KeyStore ks = KeyStore.getInstance(type.kafkaName());
        ks.load(Files.newInputStream(file), password);
        return ks;
    }
}
