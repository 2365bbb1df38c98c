package dev.kroll.inventory.importer;

import dev.kroll.util.KrollException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The TLS context for talking to PuppetDB with the files Puppet agents already have: the CA
 * certificate, a client certificate and its private key, all PEM (Puppet writes RSA keys in PKCS#1;
 * PKCS#8 and EC keys work too). Server certificates are always verified, host name included.
 */
final class PuppetDbTls {

    private PuppetDbTls() {
    }

    /** Null when no TLS file was given: the JDK's own trust store and no client certificate. */
    static SSLContext context(Path cert, Path key, Path ca) {
        if (cert == null && key == null && ca == null) {
            return null;
        }
        if (cert == null != (key == null)) {
            throw KrollException.badInput(cert == null ? "--key needs --cert: give the client certificate that goes with the key"
                    : "--cert needs --key: give the private key of the client certificate");
        }
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (ca != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (Certificate c : certificates(ca, "--cacert")) {
                    trust.setCertificateEntry("ca" + i++, c);
                }
                tmf.init(trust);
            } else {
                tmf.init((KeyStore) null);
            }
            KeyManagerFactory kmf = null;
            if (cert != null) {
                // The key store lives only in memory; its password protects nothing outside this process.
                char[] password = new char[24];
                SecureRandom random = new SecureRandom();
                for (int i = 0; i < password.length; i++) {
                    password[i] = (char) ('a' + random.nextInt(26));
                }
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                List<Certificate> chain = certificates(cert, "--cert");
                keys.setKeyEntry("client", privateKey(key), password, chain.toArray(new Certificate[0]));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException e) {
            throw KrollException.badInput("cannot use the TLS files for PuppetDB: " + e.getMessage()
                    + " — check that --cert and --key belong together");
        } catch (IOException e) {
            throw KrollException.badInput("cannot set up TLS for PuppetDB: " + e.getMessage());
        }
    }

    private static List<Certificate> certificates(Path file, String option) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw KrollException.badInput(option + " " + file + ": no certificate in it — give a PEM file with '-----BEGIN CERTIFICATE-----'");
            }
            return new ArrayList<>(certs);
        } catch (NoSuchFileException e) {
            throw KrollException.badInput(option + " " + file + ": file not found");
        } catch (IOException | GeneralSecurityException e) {
            throw KrollException.badInput(option + " " + file + ": not a PEM certificate (" + e.getMessage() + ")");
        }
    }

    private static PrivateKey privateKey(Path file) {
        try (Reader r = Files.newBufferedReader(file); PEMParser pem = new PEMParser(r)) {
            Object o = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw KrollException.badInput("--key " + file + ": the key is encrypted — give an unencrypted key file readable only by you"
                        + " (e.g. 'openssl pkey -in KEY -out client.key', then chmod 600)");
            }
            throw KrollException.badInput("--key " + file + ": no private key in it — give a PEM file with '-----BEGIN PRIVATE KEY-----'"
                    + " or '-----BEGIN RSA PRIVATE KEY-----'");
        } catch (NoSuchFileException e) {
            throw KrollException.badInput("--key " + file + ": file not found");
        } catch (IOException e) {
            throw KrollException.badInput("--key " + file + ": not a PEM private key (" + e.getMessage() + ")");
        }
    }
}
