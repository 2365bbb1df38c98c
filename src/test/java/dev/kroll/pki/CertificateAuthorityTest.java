package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateAuthorityTest {

    private static final Instant NOW = Instant.now();
    private static final SubjectNames SANS = SubjectNames.of(List.of("kafka1.example.com", "kafka1", "10.0.0.11"));

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"EC_P256", "RSA_2048"})
    void theCaMaySignLeavesOnlyAndIdentifiesItsKey(KeyType type) throws Exception {
        X509Certificate ca = TestPki.newCa(type, NOW).certificate();
        assertEquals(0, ca.getBasicConstraints(), "CA:true with pathLen 0");
        assertTrue(ca.getCriticalExtensionOIDs().contains(Extension.basicConstraints.getId()));
        boolean[] ku = ca.getKeyUsage();
        assertTrue(ku[5] && ku[6], "keyCertSign and cRLSign");
        assertFalse(ku[0] || ku[2], "nothing else");
        assertArrayEquals(ski(ca), aki(ca), "self-signed: AKI = SKI");
        assertEquals(type, KeyType.of(ca.getPublicKey()).orElseThrow());
        ca.verify(ca.getPublicKey());
    }

    @Test
    void anEcServerCertificateSignsOnlyAndServesBothEnds() throws Exception {
        CertificateAuthority ca = TestPki.newCa(KeyType.EC_P256, NOW);
        X509Certificate leaf = ca.issue(LeafKind.SERVER, "kafka1.example.com", SANS, KeyType.EC_P256, 365, NOW, new SecureRandom()).leaf();
        boolean[] ku = leaf.getKeyUsage();
        assertTrue(ku[0], "digitalSignature");
        assertFalse(ku[2], "no keyEncipherment for EC keys (RFC 5480)");
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), leaf.getExtendedKeyUsage());
        assertEquals(-1, leaf.getBasicConstraints());
        assertEquals(SANS, SubjectNames.of(leaf));
        assertArrayEquals(ski(ca.certificate()), aki(leaf));
        assertEquals("CN=kafka1.example.com", leaf.getSubjectX500Principal().getName());
        leaf.verify(ca.certificate().getPublicKey());
    }

    @Test
    void anRsaServerCertificateAlsoAllowsKeyEncipherment() {
        CertificateAuthority ca = TestPki.newCa(KeyType.EC_P256, NOW);
        X509Certificate leaf = ca.issue(LeafKind.SERVER, "kafka1", SANS, KeyType.RSA_2048, 365, NOW, new SecureRandom()).leaf();
        assertTrue(leaf.getKeyUsage()[0] && leaf.getKeyUsage()[2], "TLS 1.2 RSA key exchange encrypts with the key");
    }

    @Test
    void aClientCertificateIsForClientAuthenticationOnly() throws Exception {
        CertificateAuthority ca = TestPki.newCa(KeyType.EC_P256, NOW);
        X509Certificate leaf = ca.issue(LeafKind.CLIENT, "billing", SubjectNames.NONE, KeyType.EC_P256, 365, NOW, new SecureRandom()).leaf();
        assertEquals(List.of("1.3.6.1.5.5.7.3.2"), leaf.getExtendedKeyUsage());
        assertEquals(null, leaf.getSubjectAlternativeNames());
    }

    @Test
    void aLeafNeverOutlivesItsCa() {
        CertificateAuthority ca = CertificateAuthority.create("short CA", KeyType.EC_P256, 30, NOW, new SecureRandom());
        X509Certificate leaf = ca.issue(LeafKind.SERVER, "kafka1", SANS, KeyType.EC_P256, 365, NOW, new SecureRandom()).leaf();
        assertEquals(ca.certificate().getNotAfter(), leaf.getNotAfter());
        assertTrue(leaf.getNotBefore().toInstant().isBefore(NOW.minus(Duration.ofMinutes(59))), "backdated for clock skew");
    }

    @Test
    void importingAServerCertificateAsCaIsRefused() {
        CertificateAuthority ca = TestPki.newCa(KeyType.EC_P256, NOW);
        KeyAndChain leaf = ca.issue(LeafKind.SERVER, "kafka1", SANS, KeyType.EC_P256, 365, NOW, new SecureRandom());
        KrollException e = assertThrows(KrollException.class,
                () -> CertificateAuthority.imported(List.of(leaf.leaf()), leaf.key(), NOW, "server.pem"));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("is not a CA certificate"), e.getMessage());
    }

    @Test
    void importingACaWithSomeoneElsesKeyIsRefused() {
        CertificateAuthority a = TestPki.newCa(KeyType.EC_P256, NOW);
        CertificateAuthority b = TestPki.newCa(KeyType.EC_P256, NOW);
        KrollException e = assertThrows(KrollException.class,
                () -> CertificateAuthority.imported(List.of(a.certificate()), b.privateKey(), NOW, "ca.pem"));
        assertTrue(e.getMessage().contains("does not belong to"), e.getMessage());
    }

    @Test
    void anImportedCaSignsWithItsOwnKeyIdentifier() {
        CertificateAuthority original = TestPki.newCa(KeyType.RSA_2048, NOW);
        CertificateAuthority imported = CertificateAuthority.imported(List.of(original.certificate()), original.privateKey(), NOW, "ca.pem");
        X509Certificate leaf = imported.issue(LeafKind.SERVER, "kafka1", SANS, HostIssuer.leafKeyType(imported), 365, NOW,
                new SecureRandom()).leaf();
        assertEquals(KeyType.RSA_2048, KeyType.of(leaf.getPublicKey()).orElseThrow(), "RSA CA: RSA 2048 hosts");
        assertNotNull(leaf.getExtensionValue(Extension.authorityKeyIdentifier.getId()));
        assertArrayEquals(ski(original.certificate()), aki(leaf));
        assertEquals("SHA256withRSA", leaf.getSigAlgName());
    }

    static byte[] ski(X509Certificate c) {
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(c.getExtensionValue(Extension.subjectKeyIdentifier.getId()))
                .getOctets()).getKeyIdentifier();
    }

    static byte[] aki(X509Certificate c) {
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(c.getExtensionValue(Extension.authorityKeyIdentifier.getId()))
                .getOctets()).getKeyIdentifierOctets();
    }
}
