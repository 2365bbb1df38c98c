package dev.kroll.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM text in and out: certificates and private keys in every form OpenSSL writes. Pure: strings, no files. */
public final class Pem {

    private Pem() {
    }

    /** What a PEM text holds: certificates in order, and at most one private key (possibly encrypted). */
    public record Contents(List<X509Certificate> certificates, Object key) {
        public boolean hasKey() {
            return key != null;
        }

        public boolean keyIsEncrypted() {
            return key instanceof PKCS8EncryptedPrivateKeyInfo || key instanceof PEMEncryptedKeyPair;
        }
    }

    public static String certificates(List<X509Certificate> certs) {
        StringWriter sw = new StringWriter();
        try (PemWriter w = new PemWriter(sw)) {
            for (X509Certificate c : certs) {
                w.writeObject(new JcaMiscPEMGenerator(c));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    /** Parses PEM text; throws {@link IOException} with a short message when it is not PEM or holds two keys. */
    public static Contents parse(String text) throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        Object key = null;
        try (PEMParser p = new PEMParser(new StringReader(text))) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add(new JcaX509CertificateConverter().getCertificate(h));
                } else if (o instanceof PrivateKeyInfo || o instanceof PEMKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo
                        || o instanceof PEMEncryptedKeyPair) {
                    if (key != null) {
                        throw new IOException("more than one private key");
                    }
                    key = o;
                }
            }
        } catch (CertificateException e) {
            throw new IOException("a certificate cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException("not valid PEM: " + e.getMessage(), e);
        }
        return new Contents(certs, key);
    }

    /** The private key of parsed contents, decrypting it with {@code password} when it is encrypted. */
    public static PrivateKey privateKey(Object key, char[] password, String what) throws WrongPasswordException, IOException {
        if (key instanceof PrivateKeyInfo info) {
            return PrivateKeys.of(info);
        }
        if (key instanceof PEMKeyPair pair) {
            return PrivateKeys.of(pair.getPrivateKeyInfo());
        }
        if (key instanceof PKCS8EncryptedPrivateKeyInfo enc) {
            requirePassword(password, what);
            return KeyEncryption.decrypt(enc, password, what);
        }
        if (key instanceof PEMEncryptedKeyPair legacy) {
            requirePassword(password, what);
            PEMKeyPair pair;
            try {
                pair = legacy.decryptKeyPair(new JcePEMDecryptorProviderBuilder().build(password));
            } catch (IOException e) {
                throw new WrongPasswordException("wrong password for " + what);
            }
            return PrivateKeys.of(pair.getPrivateKeyInfo());
        }
        throw new IOException(what + ": no private key found");
    }

    private static void requirePassword(char[] password, String what) throws WrongPasswordException {
        if (password == null || password.length == 0) {
            throw new WrongPasswordException(what + " is encrypted and no password was given");
        }
    }
}
