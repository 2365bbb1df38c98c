package dev.kroll.pki;

import dev.kroll.util.Files2;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The CA on disk: {@code ca/ca.crt} and the encrypted {@code ca/ca.key} (0600, directories 0700). Nothing
 * here sends anything anywhere; the key is decrypted in memory only while certificates are signed.
 */
public final class CaStore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final PkiLayout layout;

    public CaStore(PkiLayout layout) {
        this.layout = layout;
    }

    public PkiLayout layout() {
        return layout;
    }

    public boolean exists() {
        return Files.exists(layout.caCertificate()) || Files.exists(layout.caKey());
    }

    /** The CA certificate followed by its issuers; exit 2 when there is no CA yet. */
    public List<X509Certificate> chain() {
        Path file = layout.caCertificate();
        if (!Files.isRegularFile(file)) {
            throw KrollException.badInput("no CA in " + layout.caDir() + " — create one with 'kroll certs init-ca' (or import yours with --import-ca)");
        }
        try {
            List<X509Certificate> certs = Pem.parse(Files.readString(file, StandardCharsets.US_ASCII)).certificates();
            if (certs.isEmpty()) {
                throw KrollException.badInput(file + ": holds no certificate — restore it from a backup or run 'kroll certs init-ca --force'");
            }
            return certs;
        } catch (IOException e) {
            throw KrollException.badInput(file + ": cannot be read (" + e.getMessage() + ") — restore it from a backup");
        }
    }

    public X509Certificate certificate() {
        return chain().get(0);
    }

    /** Decrypts the CA key; a wrong passphrase is exit 2 with a plain message. */
    public CertificateAuthority unlock(char[] passphrase) {
        List<X509Certificate> chain = chain();
        Path file = layout.caKey();
        PKCS8EncryptedPrivateKeyInfo info = encryptedKey(file);
        PrivateKey key;
        try {
            key = KeyEncryption.decrypt(info, passphrase, file.toString());
        } catch (WrongPasswordException e) {
            throw KrollException.badInput("wrong CA passphrase: it does not decrypt " + file
                    + " — check --ca-password-file / KROLL_CA_PASSWORD, or type it again");
        }
        if (!KeyMatch.matches(key, chain.get(0).getPublicKey())) {
            throw KrollException.badInput(file + " does not belong to " + layout.caCertificate()
                    + " — restore the pair from a backup, or create a new CA with 'kroll certs init-ca --force'");
        }
        return new CertificateAuthority(chain.get(0), key, chain.subList(1, chain.size()));
    }

    /** How the key file is protected, e.g. {@code PBES2: PBKDF2-HMAC-SHA256, 600000 iterations, AES-256-CBC}. */
    public String keyProtection() {
        return KeyEncryption.describe(encryptedKey(layout.caKey()));
    }

    /**
     * Stores {@code ca}, its key encrypted with {@code passphrase}. An existing CA is refused (exit 3)
     * unless {@code replace}; a replaced one moves to {@code previous/}, where its certificate stays
     * trusted by the truststores kroll writes until the operator deletes it.
     */
    public void save(CertificateAuthority ca, char[] passphrase, int iterations, boolean replace, Instant now) throws IOException {
        if (!replace) {
            refuseToReplace();
        }
        String keyPem = KeyEncryption.encryptStrong(ca.privateKey(), passphrase, iterations, new SecureRandom());
        layout.ensurePrivate(layout.caDir());
        if (exists()) {
            Path previous = Files2.privateDir(layout.previousCaDir());
            String stamp = STAMP.format(now);
            for (Path p : List.of(layout.caCertificate(), layout.caKey())) {
                if (Files.exists(p)) {
                    Files.move(p, previous.resolve(stamp + "-" + p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        SecretsFile.writePrivate(layout.caKey(), keyPem);
        SecretsFile.writePrivate(layout.caCertificate(), Pem.certificates(ca.chain()));
    }

    /** Exit 3 when a CA exists: replacing it silently would invalidate every certificate in the cluster. */
    public void refuseToReplace() {
        if (exists()) {
            throw KrollException.gateRefused("a CA already exists in " + layout.caDir() + "; replacing it means re-issuing and redistributing"
                    + " every certificate — add --force to replace it (the old one stays trusted until you delete it from ca/previous/)");
        }
    }

    /** What truststores hold: the current CA first, then previous ones that have not expired. */
    public List<X509Certificate> trusted(Instant now) throws IOException {
        X509Certificate current = certificate();
        List<X509Certificate> all = new ArrayList<>();
        all.add(current);
        previous(now).stream().filter(c -> !c.equals(current)).forEach(all::add);
        return all;
    }

    /** Replaced CA certificates that have not expired: truststores keep trusting them during a rotation. */
    public List<X509Certificate> previous(Instant now) throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        if (!Files.isDirectory(layout.previousCaDir())) {
            return certs;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(layout.previousCaDir(), "*.crt")) {
            List<Path> files = new ArrayList<>();
            dir.forEach(files::add);
            files.sort(null);
            for (Path p : files) {
                List<X509Certificate> chain = Pem.parse(Files.readString(p, StandardCharsets.US_ASCII)).certificates();
                if (!chain.isEmpty() && chain.get(0).getNotAfter().toInstant().isAfter(now)) {
                    certs.add(chain.get(0));
                }
            }
        }
        return certs;
    }

    private static PKCS8EncryptedPrivateKeyInfo encryptedKey(Path file) {
        try {
            Object key = Pem.parse(Files.readString(file, StandardCharsets.US_ASCII)).key();
            if (key instanceof PKCS8EncryptedPrivateKeyInfo info) {
                return info;
            }
            throw KrollException.badInput(file + ": not an encrypted PKCS#8 key — kroll never stores the CA key unencrypted;"
                    + " import it again with 'kroll certs init-ca --import-ca CERT KEY --force'");
        } catch (IOException e) {
            throw KrollException.badInput(file + ": cannot be read (" + e.getMessage() + ") — restore it from a backup");
        }
    }
}
