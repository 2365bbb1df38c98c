package dev.kroll.pki;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/** Small questions about certificates, answered without I/O. */
public final class CertInspect {

    private CertInspect() {
    }

    /** Whether {@code issuer} signed {@code cert}: names chain and the signature verifies with the issuer's key. */
    public static boolean isSignedBy(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Whether any certificate of {@code trusted} is, or signed, {@code cert}. */
    public static boolean isTrustedBy(X509Certificate cert, List<X509Certificate> trusted) {
        return trusted.stream().anyMatch(t -> t.equals(cert) || isSignedBy(cert, t));
    }

    /** Whole days from {@code now} to expiry; negative once expired. */
    public static long daysLeft(X509Certificate cert, Instant now) {
        return Math.floorDiv(Duration.between(now, cert.getNotAfter().toInstant()).toHours(), 24);
    }

    public static boolean isCurrent(X509Certificate cert, Instant now) {
        return !now.isBefore(cert.getNotBefore().toInstant()) && !now.isAfter(cert.getNotAfter().toInstant());
    }

    /** Whether the certificate may be used for {@code purpose}: an absent EKU extension allows every purpose. */
    public static boolean allows(X509Certificate cert, KeyPurposeId purpose) {
        try {
            List<String> eku = cert.getExtendedKeyUsage();
            return eku == null || eku.contains(purpose.getId()) || eku.contains(KeyPurposeId.anyExtendedKeyUsage.getId());
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    public static String purposeName(KeyPurposeId purpose) {
        return purpose.equals(KeyPurposeId.id_kp_serverAuth) ? "serverAuth" : purpose.equals(KeyPurposeId.id_kp_clientAuth) ? "clientAuth"
                : purpose.getId();
    }

    /** Whether the key usage extension, if present, allows signing the TLS handshake. */
    public static boolean canSignHandshake(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        return ku == null || ku[0];
    }

    public static String sha256(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(X509Certificate cert) {
        return cert.getSubjectX500Principal().getName();
    }

    public static LocalDate expiryDate(X509Certificate cert) {
        return LocalDate.ofInstant(cert.getNotAfter().toInstant(), ZoneOffset.UTC);
    }

    /** {@code 364 days (2026-08-01)} or {@code expired 2025-01-01}. */
    public static String expiry(X509Certificate cert, Instant now) {
        long days = daysLeft(cert, now);
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            return "expired " + expiryDate(cert);
        }
        return "valid until " + expiryDate(cert) + ", " + days + " day" + (days == 1 ? "" : "s");
    }
}
