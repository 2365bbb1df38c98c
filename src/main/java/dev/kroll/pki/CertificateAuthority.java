package dev.kroll.pki;

import dev.kroll.util.KrollException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's certificate authority: its certificate, its private key and, for an imported
 * intermediate CA, the certificates above it. Lives only on the jump host.
 */
public record CertificateAuthority(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers) {

    public static final int DEFAULT_VALIDITY_DAYS = 3650;

    public CertificateAuthority {
        issuers = List.copyOf(issuers);
    }

    /** A new self-signed CA named {@code commonName}. */
    public static CertificateAuthority create(String commonName, KeyType keyType, int validityDays, Instant now, SecureRandom random) {
        KeyPair keys = keyType.generate(random);
        X509Certificate cert = CertificateBuilder.selfSignedCa(commonName, keys.getPublic(), keys.getPrivate(), validityDays, now, random);
        return new CertificateAuthority(cert, keys.getPrivate(), List.of());
    }

    /**
     * A CA brought by the operator: {@code chain} starts with the CA certificate that will sign, followed
     * by its issuers, if any. Refused (exit 2) when it cannot work as a CA.
     */
    public static CertificateAuthority imported(List<X509Certificate> chain, PrivateKey key, Instant now, String source) {
        if (chain.isEmpty()) {
            throw KrollException.badInput(source + ": no certificate found — give the CA certificate in PEM (-----BEGIN CERTIFICATE-----)");
        }
        X509Certificate cert = chain.get(0);
        String subject = cert.getSubjectX500Principal().getName();
        if (cert.getBasicConstraints() < 0) {
            throw KrollException.badInput(source + ": " + subject + " is not a CA certificate (basic constraints CA:false)"
                    + " — give the certificate of the CA that is to sign, not a server certificate");
        }
        boolean[] usage = cert.getKeyUsage();
        if (usage != null && !usage[5]) {
            throw KrollException.badInput(source + ": " + subject + " may not sign certificates (key usage lacks keyCertSign)"
                    + " — use a CA certificate issued for signing");
        }
        if (!KeyMatch.matches(key, cert.getPublicKey())) {
            throw KrollException.badInput(source + ": the private key does not belong to " + subject
                    + " — give the key file that was created with this certificate");
        }
        if (cert.getNotAfter().toInstant().isBefore(now)) {
            throw KrollException.badInput(source + ": " + subject + " expired on " + cert.getNotAfter().toInstant()
                    + " — renew the CA or create a new one with 'kroll certs init-ca'");
        }
        return new CertificateAuthority(cert, key, chain.subList(1, chain.size()));
    }

    /** A new key pair and a certificate for it, with the chain up to this CA. */
    public KeyAndChain issue(LeafKind kind, String commonName, SubjectNames sans, KeyType keyType, int validityDays,
                             Instant now, SecureRandom random) {
        KeyPair keys = keyType.generate(random);
        X509Certificate leaf = CertificateBuilder.leaf(this, kind, commonName, sans, keys.getPublic(), validityDays, now, random);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        chain.addAll(chain());
        return new KeyAndChain(keys.getPrivate(), chain);
    }

    /** This CA's certificate followed by its issuers. */
    public List<X509Certificate> chain() {
        List<X509Certificate> all = new ArrayList<>();
        all.add(certificate);
        all.addAll(issuers);
        return all;
    }

    public KeyType keyType() {
        return KeyType.of(certificate.getPublicKey()).orElse(KeyType.DEFAULT);
    }

    @Override
    public String toString() {
        return "CertificateAuthority[" + certificate.getSubjectX500Principal().getName() + ", key hidden]";
    }
}
