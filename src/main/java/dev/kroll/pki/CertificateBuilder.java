package dev.kroll.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds X.509 v3 certificates with Bouncy Castle. Pure: no I/O, the time and randomness are passed in. */
final class CertificateBuilder {

    /** Certificates start an hour early so a host whose clock is a little behind accepts them at once. */
    static final Duration BACKDATE = Duration.ofHours(1);
    /** RFC 5280 caps a common name at 64 characters. */
    private static final int MAX_CN = 64;

    private CertificateBuilder() {
    }

    /** A self-signed CA: may sign leaf certificates only (path length 0), and CRLs. */
    static X509Certificate selfSignedCa(String commonName, PublicKey publicKey, PrivateKey privateKey, int validityDays,
                                        Instant now, SecureRandom random) {
        X500Name name = name(commonName);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial(random), Date.from(now.minus(BACKDATE)),
                    Date.from(now.plus(Duration.ofDays(validityDays))), name, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(publicKey));
            return sign(b, privateKey);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the CA certificate", e);
        }
    }

    /**
     * A leaf certificate signed by {@code ca}. It never outlives the CA (a chain with an expired CA fails anyway).
     * Key usage: digitalSignature for every key (TLS 1.3 and ECDHE sign the handshake); keyEncipherment
     * only for RSA keys, where TLS 1.2 RSA key exchange encrypts the premaster secret with them. RFC 5480
     * forbids keyEncipherment for EC keys, which can only sign or agree on keys.
     */
    static X509Certificate leaf(CertificateAuthority ca, LeafKind kind, String commonName, SubjectNames sans, PublicKey publicKey,
                                int validityDays, Instant now, SecureRandom random) {
        Instant notAfter = now.plus(Duration.ofDays(validityDays));
        Instant caEnd = ca.certificate().getNotAfter().toInstant();
        if (notAfter.isAfter(caEnd)) {
            notAfter = caEnd;
        }
        int usage = KeyUsage.digitalSignature;
        if (kind == LeafKind.SERVER && publicKey instanceof RSAKey) {
            usage |= KeyUsage.keyEncipherment;
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), serial(random),
                    Date.from(now.minus(BACKDATE)), Date.from(notAfter), name(commonName), publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(kind.purposes().toArray(KeyPurposeId[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false, authorityKeyId(ca.certificate(), utils));
            if (!sans.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, sans.toGeneralNames());
            }
            return sign(b, ca.privateKey());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot build the certificate for " + commonName, e);
        }
    }

    /** The signature algorithm for a signing key: SHA-256 for RSA and P-256, stronger hashes for larger curves. */
    static String signatureAlgorithm(PrivateKey key) {
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        if (key instanceof RSAKey) {
            return "SHA256withRSA";
        }
        return key.getAlgorithm(); // Ed25519, Ed448
    }

    static X500Name name(String commonName) {
        String cn = commonName.length() <= MAX_CN ? commonName : commonName.substring(0, MAX_CN);
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    }

    /** The CA's own subject key identifier when it has one (imported CAs may compute it differently). */
    private static AuthorityKeyIdentifier authorityKeyId(X509Certificate ca, JcaX509ExtensionUtils utils) {
        byte[] ext = ca.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (ext != null) {
            byte[] keyId = ASN1OctetString.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getOctets();
            return new AuthorityKeyIdentifier(keyId);
        }
        return utils.createAuthorityKeyIdentifier(ca.getPublicKey());
    }

    /** 127 random bits: unpredictable serials, as the CA/Browser Forum asks (at least 64 bits). */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).setBit(126);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key) throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with a " + key.getAlgorithm() + " key", e);
        }
    }
}
