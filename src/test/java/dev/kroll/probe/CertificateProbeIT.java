package dev.kroll.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JSSE handshakes against a TLS server on 127.0.0.1 presenting a CA-signed certificate. */
class CertificateProbeIT {

    private static X509Certificate sign(KeyPair subject, String cn, KeyPair issuer, String issuerCn, boolean ca, Instant notAfter) throws Exception {
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn), BigInteger.valueOf(System.nanoTime()),
                Date.from(Instant.now().minusSeconds(3600)), Date.from(notAfter), new X500Name("CN=" + cn), subject.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (!ca) {
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, cn)));
        }
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    @Test
    void theExpiryIsReadAndTrustIsCheckedAgainstKrollsCaWithHostnameVerification(@TempDir Path dir) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        KeyPair caKeys = g.generateKeyPair();
        KeyPair hostKeys = g.generateKeyPair();
        X509Certificate ca = sign(caKeys, "kroll test CA", caKeys, "kroll test CA", true, Instant.now().plus(Duration.ofDays(400)));
        Instant notAfter = Instant.now().plus(Duration.ofDays(20)).plusSeconds(3600);
        X509Certificate leaf = sign(hostKeys, "localhost", caKeys, "kroll test CA", false, notAfter);
        Path caFile = dir.resolve("ca.crt");
        Files.writeString(caFile, "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(ca.getEncoded()) + "\n-----END CERTIFICATE-----\n");

        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        char[] pw = "test-only".toCharArray();
        ks.setKeyEntry("host", hostKeys.getPrivate(), pw, new X509Certificate[] {leaf, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        ExecutorService pool = Executors.newCachedThreadPool();
        try (SSLServerSocket listen = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            pool.submit(() -> {
                while (!listen.isClosed()) {
                    try (SSLSocket s = (SSLSocket) listen.accept()) {
                        s.startHandshake();
                    } catch (Exception e) {
                        // the probe closes after the handshake, or refuses it
                    }
                }
                return null;
            });
            int port = listen.getLocalPort();
            Instant now = Instant.now();
            CertificateSnapshot good = new CertificateProbe(List.of(new CertificateProbe.Target("localhost", "127.0.0.1", port)),
                    CertificateProbe.trustFor(caFile), Duration.ofSeconds(3), Duration.ofMinutes(10)).read(pool, now).get(0);
            assertTrue(good.certificate().isOk(), good.certificate().freshness().toString());
            assertEquals(20, good.certificate().value().daysToExpiry());
            assertTrue(good.certificate().value().trusted());

            CertificateSnapshot wrongName = new CertificateProbe(List.of(new CertificateProbe.Target("kafka9.example.com", "127.0.0.1", port)),
                    CertificateProbe.trustFor(caFile), Duration.ofSeconds(3), Duration.ofMinutes(10)).read(pool, now).get(0);
            assertFalse(wrongName.certificate().value().trusted());
            assertTrue(wrongName.certificate().value().trustProblem().contains("kafka9.example.com"),
                    wrongName.certificate().value().trustProblem());

            CertificateSnapshot unknownCa = new CertificateProbe(List.of(new CertificateProbe.Target("localhost", "127.0.0.1", port)),
                    CertificateProbe.trustFor(dir.resolve("missing.crt")), Duration.ofSeconds(3), Duration.ofMinutes(10)).read(pool, now).get(0);
            assertEquals(20, unknownCa.certificate().value().daysToExpiry());
            assertFalse(unknownCa.certificate().value().trusted());
        } finally {
            pool.shutdownNow();
        }
    }
}
