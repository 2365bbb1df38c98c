package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Inventory;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.SecretKeyFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaStoreTest {

    @TempDir
    Path dir;

    private PkiLayout layout;
    private CaStore store;

    @BeforeEach
    void setUp() throws Exception {
        Inventory inv = TestPki.load(TestPki.threeHosts(dir, ""));
        layout = PkiLayout.of(inv);
        store = new CaStore(layout);
    }

    @Test
    void theCaKeyIsEncryptedWithPbes2Aes256AndSixHundredThousandPbkdf2Rounds() throws Exception {
        CertificateAuthority ca = TestPki.newCa(KeyType.EC_P256, Instant.now());
        store.save(ca, TestPki.PASSPHRASE, KeyEncryption.CA_ITERATIONS, false, Instant.now());
        String file = Files.readString(layout.caKey(), StandardCharsets.US_ASCII);
        assertTrue(file.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), file);
        assertEquals("PBES2: PBKDF2-HMAC-SHA256, 600000 iterations, AES-256-CBC", store.keyProtection());
        String plainBase64 = Base64.getEncoder().encodeToString(ca.privateKey().getEncoded());
        assertFalse(file.replace("\n", "").contains(plainBase64.substring(0, 40)), "no trace of the plain key");
        assertArrayEquals(ca.privateKey().getEncoded(), store.unlock(TestPki.PASSPHRASE).privateKey().getEncoded());
    }

    @Test
    void bouncyCastlesOwnPkcs8DecryptorReadsTheKeyFile() throws Exception {
        CertificateAuthority ca = TestPki.newCa(KeyType.RSA_2048, Instant.now());
        store.save(ca, TestPki.PASSPHRASE, TestPki.FAST_ITERATIONS, false, Instant.now());
        PKCS8EncryptedPrivateKeyInfo info = (PKCS8EncryptedPrivateKeyInfo) Pem.parse(Files.readString(layout.caKey())).key();
        PrivateKeyInfo plain = info.decryptPrivateKeyInfo(new JceOpenSSLPKCS8DecryptorProviderBuilder()
                .setProvider(new BouncyCastleProvider()).build(TestPki.PASSPHRASE));
        assertArrayEquals(ca.privateKey().getEncoded(), plain.getEncoded());
    }

    @Test
    void aWrongPassphraseIsAPlainErrorWithExitTwo() throws Exception {
        store.save(TestPki.newCa(KeyType.EC_P256, Instant.now()), TestPki.PASSPHRASE, TestPki.FAST_ITERATIONS, false, Instant.now());
        KrollException e = assertThrows(KrollException.class, () -> store.unlock("not the passphrase at all".toCharArray()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().startsWith("wrong CA passphrase: it does not decrypt " + layout.caKey()), e.getMessage());
        assertFalse(e.getMessage().contains("not the passphrase"), "never echo the passphrase");
    }

    @Test
    void theKeyIsOwnerOnlyInOwnerOnlyDirectories() throws Exception {
        store.save(TestPki.newCa(KeyType.EC_P256, Instant.now()), TestPki.PASSPHRASE, TestPki.FAST_ITERATIONS, false, Instant.now());
        assertEquals("rw-------", mode(layout.caKey()));
        assertEquals("rw-------", mode(layout.caCertificate()));
        assertEquals("rwx------", mode(layout.caDir()));
        assertEquals("rwx------", mode(layout.root()));
        assertEquals("rwx------", mode(layout.root().getParent()));
    }

    @Test
    void anExistingCaIsNotReplacedWithoutForce() throws Exception {
        store.save(TestPki.newCa(KeyType.EC_P256, Instant.now()), TestPki.PASSPHRASE, TestPki.FAST_ITERATIONS, false, Instant.now());
        byte[] before = Files.readAllBytes(layout.caKey());
        KrollException e = assertThrows(KrollException.class, () -> store.save(TestPki.newCa(KeyType.EC_P256, Instant.now()),
                TestPki.PASSPHRASE, TestPki.FAST_ITERATIONS, false, Instant.now()));
        assertEquals(ExitCode.GATE_REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("add --force"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(layout.caKey()));
    }

    @Test
    void aReplacedCaMovesToPreviousAndStaysTrustedUntilDeleted() throws Exception {
        CertificateAuthority old = TestPki.newCa(KeyType.EC_P256, Instant.now());
        store.save(old, TestPki.PASSPHRASE, TestPki.FAST_ITERATIONS, false, Instant.now());
        CertificateAuthority next = TestPki.newCa(KeyType.EC_P256, Instant.now());
        store.save(next, TestPki.PASSPHRASE, TestPki.FAST_ITERATIONS, true, Instant.now());
        assertEquals(next.certificate(), store.certificate());
        assertEquals(List.of(old.certificate()), store.previous(Instant.now()));
        try (var files = Files.list(layout.previousCaDir())) {
            List<Path> moved = files.toList();
            assertEquals(2, moved.size(), "the old certificate and its (still encrypted) key");
            for (Path p : moved) {
                assertEquals("rw-------", mode(p));
            }
        }
    }

    @Test
    void pemHostKeysUseASchemeThatKafkasLoaderFindsOnJava17() throws Exception {
        PrivateKey key = KeyType.EC_P256.generate(new SecureRandom()).getPrivate();
        String pem = KeyEncryption.encryptForKafka(key, "store-password-0123456789".toCharArray(), new SecureRandom());
        PKCS8EncryptedPrivateKeyInfo info = (PKCS8EncryptedPrivateKeyInfo) Pem.parse(pem).key();
        // Kafka's PemStore: SecretKeyFactory.getInstance(new EncryptedPrivateKeyInfo(der).getAlgName())
        String alg = new javax.crypto.EncryptedPrivateKeyInfo(info.getEncoded()).getAlgName();
        SecretKeyFactory.getInstance(alg);
        assertArrayEquals(key.getEncoded(), KeyEncryption.decrypt(info, "store-password-0123456789".toCharArray(), "test").getEncoded());
        assertThrows(WrongPasswordException.class, () -> KeyEncryption.decrypt(info, "wrong".toCharArray(), "test"));
    }

    static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
