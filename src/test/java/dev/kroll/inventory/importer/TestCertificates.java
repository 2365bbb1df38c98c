package dev.kroll.inventory.importer;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away CA with a server certificate for 127.0.0.1 and a client certificate, as Puppet's CA
 * would issue them (RSA, the client key written PKCS#1 like Puppet's private_keys/*.pem).
 */
final class TestCertificates {

    final KeyPair caKeys;
    final X509Certificate ca;
    final KeyPair serverKeys;
    final X509Certificate server;
    final KeyPair clientKeys;
    final X509Certificate client;

    TestCertificates() throws Exception {
        caKeys = rsa();
        ca = sign(new X500Name("CN=Puppet CA: puppet.example.com"), caKeys, new X500Name("CN=Puppet CA: puppet.example.com"), caKeys, true, null);
        serverKeys = rsa();
        server = sign(new X500Name("CN=puppetdb.example.com"), serverKeys, new X500Name("CN=Puppet CA: puppet.example.com"), caKeys, false,
                new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
        clientKeys = rsa();
        client = sign(new X500Name("CN=jump.example.com"), clientKeys, new X500Name("CN=Puppet CA: puppet.example.com"), caKeys, false, null);
    }

    /** The server side: its certificate and key, trusting client certificates of the CA. */
    SSLContext serverContext() throws GeneralSecurityException, IOException {
        char[] pw = "test".toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverKeys.getPrivate(), pw, new X509Certificate[] {server, ca});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, pw);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ssl;
    }

    Path write(Path file, Object pem) throws IOException {
        StringWriter s = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(s)) {
            w.writeObject(pem);
        }
        Files.writeString(file, s.toString());
        return file;
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys, boolean isCa,
                                        GeneralNames san) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(System.nanoTime()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (san != null) {
            b.addExtension(Extension.subjectAlternativeName, false, san);
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
    }
}
