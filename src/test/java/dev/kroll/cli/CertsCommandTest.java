package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.pki.CertificateAuthority;
import dev.kroll.pki.KeyType;
import dev.kroll.pki.Pem;
import dev.kroll.pki.SecretsFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kroll certs} as an operator runs it: through {@link Main#execute}, exit codes and output lines. */
class CertsCommandTest {

    static final String PASSPHRASE = "correct horse battery staple 42";

    @TempDir
    Path dir;

    private Path inventory;
    private Path passFile;
    private final List<String> outputs = new ArrayList<>();

    record Run(int exit, String out, String err) {
    }

    private Run kroll(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        outputs.add(out.toString());
        outputs.add(err.toString());
        return new Run(exit, out.toString(), err.toString());
    }

    static String host(String name, String address, String... aliases) {
        return "  - name: " + name + "\n    address: " + address + "\n    roles: [zookeeper, kafka]\n"
                + (aliases.length == 0 ? "" : "    aliases: [" + String.join(", ", aliases) + "]\n");
    }

    private void writeInventory(String extra, String kafka1Aliases) throws Exception {
        Files.writeString(inventory, "cluster:\n  name: prod\n" + extra + "hosts:\n"
                + host("kafka1.example.com", "127.0.1.1", kafka1Aliases.isEmpty() ? new String[0] : kafka1Aliases.split(","))
                + host("kafka2.example.com", "127.0.1.2") + host("kafka3.example.com", "127.0.1.3"));
    }

    @BeforeEach
    void setUp() throws Exception {
        inventory = dir.resolve("cluster.yaml");
        writeInventory("", "broker1.example.com");
        passFile = dir.resolve("ca.pass");
        Files.writeString(passFile, PASSPHRASE + "\n");
        Files.setPosixFilePermissions(passFile, PosixFilePermissions.fromString("rw-------"));
    }

    private String i() {
        return inventory.toString();
    }

    @Test
    void initCaThenIssueThenCheck() throws Exception {
        Run init = kroll("certs", "init-ca", "-i", i(), "--ca-password-file", passFile.toString());
        assertEquals(0, init.exit(), init.err());
        assertTrue(init.out().startsWith("created CA: CN=kroll CA prod "), init.out());
        assertTrue(init.out().contains("EC P-256, encrypted at rest (PBES2: PBKDF2-HMAC-SHA256, 600000 iterations, AES-256-CBC)"), init.out());

        Run issue = kroll("certs", "issue", "-i", i(), "--ca-password-file", passFile.toString());
        assertEquals(0, issue.exit(), issue.err());
        List<String> lines = issue.out().lines().toList();
        assertTrue(lines.get(0).matches("kafka1\\.example\\.com  issued \\(new, EC P-256, valid until \\d{4}-\\d\\d-\\d\\d, 36\\d days\\)"), lines.get(0));
        assertTrue(lines.get(3).startsWith("3 hosts: 3 issued; PKCS12 stores in "), lines.get(3));

        Run again = kroll("certs", "issue", "-i", i()); // no passphrase needed when nothing changes
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().lines().limit(3).allMatch(l -> l.contains("  unchanged (valid until ")), again.out());

        Run check = kroll("certs", "check", "-i", i());
        assertEquals(0, check.exit(), check.out());
        assertTrue(check.out().contains("kafka1.example.com: ok (PKCS12, valid until "), check.out());
        assertTrue(check.out().contains("SANs broker1.example.com, kafka1, kafka1.example.com, 127.0.1.1)"), check.out());
        assertTrue(check.out().endsWith("no handshake problems\n"), check.out());
    }

    @Test
    void anExistingCaIsReplacedOnlyWithForce() {
        assertEquals(0, kroll("certs", "init-ca", "-i", i(), "--ca-password-file", passFile.toString()).exit());
        Run refused = kroll("certs", "init-ca", "-i", i(), "--ca-password-file", passFile.toString());
        assertEquals(3, refused.exit());
        assertTrue(refused.err().startsWith("kroll: a CA already exists in "), refused.err());
        assertEquals(1, refused.err().lines().count());
        Run forced = kroll("certs", "init-ca", "-i", i(), "--ca-password-file", passFile.toString(), "--force", "--key-type", "rsa-2048");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(forced.out().contains("the previous CA moved to "), forced.out());
        assertTrue(forced.out().contains("  key       RSA 2048, encrypted"), forced.out());
    }

    @Test
    void aWrongPassphraseIsOneLineAndExitTwo() throws Exception {
        kroll("certs", "init-ca", "-i", i(), "--ca-password-file", passFile.toString());
        Path wrong = Files.writeString(dir.resolve("wrong.pass"), "not the passphrase\n");
        Files.setPosixFilePermissions(wrong, PosixFilePermissions.fromString("rw-------"));
        Run r = kroll("certs", "issue", "-i", i(), "--ca-password-file", wrong.toString());
        assertEquals(2, r.exit());
        assertEquals(List.of("kroll: wrong CA passphrase: it does not decrypt " + dir.resolve(".kroll/pki/ca/ca.key")
                + " — check --ca-password-file / KROLL_CA_PASSWORD, or type it again"), r.err().lines().toList());
        assertFalse(Files.exists(dir.resolve(".kroll/pki/hosts/kafka1.example.com")), "nothing written");
    }

    @Test
    void checkExitsThreeWhenANameLacksItsSanAndIssueRepairsIt() throws Exception {
        kroll("certs", "init-ca", "-i", i(), "--ca-password-file", passFile.toString());
        kroll("certs", "issue", "-i", i(), "--ca-password-file", passFile.toString());
        writeInventory("", "broker1.example.com,kafka.example.com");
        Run check = kroll("certs", "check", "-i", i());
        assertEquals(3, check.exit(), check.out());
        assertTrue(check.out().contains("kafka1.example.com server.keystore.p12: error: no SAN for kafka.example.com: clients connecting"
                + " to it fail hostname verification — run 'kroll certs issue'\n"), check.out());
        assertTrue(check.out().contains("1 error (handshakes would fail)"), check.out());

        Run issue = kroll("certs", "issue", "-i", i(), "--ca-password-file", passFile.toString());
        assertTrue(issue.out().contains("kafka1.example.com  re-issued: SANs changed: +kafka.example.com\n"), issue.out());
        assertTrue(issue.out().contains("kafka2.example.com  unchanged"), issue.out());
        assertEquals(0, kroll("certs", "check", "-i", i()).exit());
    }

    @Test
    void theInventorysKeystoreTypeWinsAndAContradictingOptionIsAnError() throws Exception {
        writeInventory("tls:\n  keystore_type: pem\n", "");
        kroll("certs", "init-ca", "-i", i(), "--ca-password-file", passFile.toString());
        Run issue = kroll("certs", "issue", "-i", i(), "--ca-password-file", passFile.toString());
        assertEquals(0, issue.exit(), issue.err());
        assertTrue(Files.exists(dir.resolve(".kroll/pki/hosts/kafka2.example.com/server.keystore.pem")));
        Run clash = kroll("certs", "issue", "-i", i(), "--store-type", "jks");
        assertEquals(2, clash.exit());
        assertEquals(inventory + ":4:18: error: --store-type JKS contradicts tls.keystore_type PEM — drop --store-type, or change"
                + " keystore_type here (then re-issue and redistribute)", clash.err().lines().findFirst().orElseThrow());
        Run bad = kroll("certs", "issue", "-i", i(), "--store-type", "p7b");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("unknown store type 'p7b', use one of pkcs12, jks, pem"), bad.err());
    }

    @Test
    void aClientBundleHasAKeystoreATruststoreAndReadyProperties() throws Exception {
        kroll("certs", "init-ca", "-i", i(), "--ca-password-file", passFile.toString());
        Path out = dir.resolve("bundle");
        Run r = kroll("certs", "client", "billing-service", "-i", i(), "-o", out.toString(), "--remote-dir", "/opt/billing/ssl",
                "--ca-password-file", passFile.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("issued client certificate CN=billing-service (EC P-256, valid until "), r.out());
        assertTrue(r.out().contains("Kafka principal User:CN=billing-service"), r.out());
        String props = Files.readString(out.resolve("client-ssl.properties"));
        assertTrue(props.contains("# bootstrap.servers=kafka1.example.com:9093,kafka2.example.com:9093,kafka3.example.com:9093\n"), props);
        assertTrue(props.contains("ssl.keystore.location=/opt/billing/ssl/client.keystore.p12\n"), props);
        assertTrue(props.contains("ssl.truststore.location=/opt/billing/ssl/truststore.p12\n"), props);
        assertTrue(props.contains("ssl.endpoint.identification.algorithm=https\n"), props);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("client-ssl.properties"))));
        Run badName = kroll("certs", "client", "../etc", "-i", i(), "--ca-password-file", passFile.toString());
        assertEquals(2, badName.exit());
    }

    @Test
    void anImportedCaIsStoredEncryptedAndSigns() throws Exception {
        CertificateAuthority mine = CertificateAuthority.create("Corp Kafka CA", KeyType.EC_P256, 1000, Instant.now(), new SecureRandom());
        Path cert = Files.writeString(dir.resolve("corp-ca.pem"), Pem.certificates(List.of(mine.certificate())));
        StringWriter key = new StringWriter();
        try (PemWriter w = new PemWriter(key)) {
            w.writeObject(new JcaPKCS8Generator(mine.privateKey(), null));
        }
        Path keyFile = Files.writeString(dir.resolve("corp-ca.key"), key.toString());
        Run r = kroll("certs", "init-ca", "-i", i(), "--import-ca", cert.toString(), keyFile.toString(), "--ca-password-file", passFile.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("imported CA: CN=Corp Kafka CA\n"), r.out());
        assertTrue(Files.readString(dir.resolve(".kroll/pki/ca/ca.key")).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        Run issue = kroll("certs", "issue", "-i", i(), "--ca-password-file", passFile.toString());
        assertEquals(0, issue.exit(), issue.err());
        assertEquals(0, kroll("certs", "check", "-i", i()).exit());

        Run notACa = kroll("certs", "init-ca", "-i", i(), "--force", "--import-ca", dir.resolve("missing.pem").toString(), keyFile.toString(),
                "--ca-password-file", passFile.toString());
        assertEquals(2, notACa.exit());
        assertTrue(notACa.err().contains("missing.pem: file not found"), notACa.err());
    }

    @Test
    void noPasswordAppearsInOutputLogsOrAnyFileButTheSecretsFiles() throws Exception {
        kroll("certs", "init-ca", "-i", i(), "--ca-password-file", passFile.toString());
        kroll("certs", "issue", "-i", i(), "--ca-password-file", passFile.toString(), "--store-type", "pem");
        kroll("certs", "issue", "-i", i(), "--ca-password-file", passFile.toString(), "--store-type", "pkcs12");
        kroll("certs", "check", "-i", i());
        kroll("certs", "client", "ops", "-i", i(), "--ca-password-file", passFile.toString());
        kroll("certs", "issue", "-i", i(), "--ca-password-file", dir.resolve("wrong").toString());

        List<String> storePasswords = new ArrayList<>();
        List<Path> secretFiles = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir.resolve(".kroll"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                boolean bundle = p.startsWith(dir.resolve(".kroll/pki/clients"));
                if (name.equals(SecretsFile.NAME) || bundle && name.equals("client-ssl.properties")) {
                    secretFiles.add(p);
                    Properties props = new Properties();
                    props.load(Files.newBufferedReader(p));
                    props.stringPropertyNames().stream().filter(k -> k.endsWith("password")).forEach(k -> storePasswords.add(props.getProperty(k)));
                }
            }
        }
        assertEquals(4, secretFiles.size(), "ssl.secrets of three hosts, the client bundle's properties: " + secretFiles);
        assertEquals(15, storePasswords.size(), "four per ssl.secrets; truststore, keystore and key in the bundle");
        assertTrue(storePasswords.stream().allMatch(pw -> pw.length() >= 24), "generated passwords, no references");

        Path log = Path.of(System.getProperty("kroll.log.dir", "target/test-logs")).resolve("kroll.log");
        String logText = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(logText.contains("certificates for kafka1.example.com"), "the log is the one kroll writes to");
        List<String> haystacks = new ArrayList<>(outputs);
        haystacks.add(logText);
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                if (p.equals(passFile)) {
                    continue; // the operator's own file
                }
                assertFalse(text.contains(PASSPHRASE), "CA passphrase in " + p);
                if (!secretFiles.contains(p)) {
                    haystacks.add(text);
                }
            }
        }
        for (String pw : storePasswords) {
            for (String h : haystacks) {
                assertFalse(h.contains(pw), "a store password leaked into: " + h.substring(0, Math.min(200, h.length())));
            }
        }
        for (String h : haystacks) {
            assertFalse(h.contains(PASSPHRASE), "the CA passphrase leaked");
        }
    }
}
