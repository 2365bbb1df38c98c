package dev.kroll.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * PKCS12 and JKS through the JDK's own {@link KeyStore}, so the files are exactly what Kafka's JVM reads.
 * On Java 17 a PKCS12 store is protected by PBES2 (PBKDF2-HMAC-SHA256, AES-256) and an HMAC-SHA256 MAC.
 */
final class KeyStoreFormat implements StoreFormat {

    private final String type;

    KeyStoreFormat(String type) {
        this.type = type;
    }

    @Override
    public byte[] keyStore(KeyAndChain entry, String alias, char[] password, SecureRandom random) {
        try {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(null, null);
            ks.setKeyEntry(alias, entry.key(), password, entry.chain().toArray(Certificate[]::new));
            return bytes(ks, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a " + type + " keystore", e);
        }
    }

    @Override
    public byte[] trustStore(List<X509Certificate> trusted, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(null, null);
            for (int i = 0; i < trusted.size(); i++) {
                ks.setCertificateEntry(i == 0 ? "ca" : "ca-" + i, trusted.get(i));
            }
            return bytes(ks, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a " + type + " truststore", e);
        }
    }

    @Override
    public KeyAndChain readKeyStore(byte[] data, char[] password) throws WrongPasswordException, IOException {
        KeyStore ks = load(data, password);
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Key key = ks.getKey(alias, password);
                    Certificate[] chain = ks.getCertificateChain(alias);
                    if (!(key instanceof PrivateKey pk) || chain == null || chain.length == 0) {
                        continue;
                    }
                    List<X509Certificate> certs = new ArrayList<>();
                    for (Certificate c : chain) {
                        certs.add((X509Certificate) c);
                    }
                    return new KeyAndChain(pk, certs);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new WrongPasswordException("the key password differs from the store password");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the key entry: " + e.getMessage(), e);
        }
        throw new IOException("holds no private key");
    }

    @Override
    public List<X509Certificate> readTrustStore(byte[] data, char[] password) throws WrongPasswordException, IOException {
        KeyStore ks = load(data, password);
        List<X509Certificate> certs = new ArrayList<>();
        try {
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isCertificateEntry(alias) && ks.getCertificate(alias) instanceof X509Certificate c) {
                    certs.add(c);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificates: " + e.getMessage(), e);
        }
        return certs;
    }

    private KeyStore load(byte[] data, char[] password) throws WrongPasswordException, IOException {
        try {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(new ByteArrayInputStream(data), password);
            return ks;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new WrongPasswordException("wrong store password");
            }
            throw new IOException("not a readable " + type + " store: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IOException("not a readable " + type + " store: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(KeyStore ks, char[] password) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ks.store(out, password);
        return out.toByteArray();
    }
}
