package dev.kroll.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The files Kafka reads with {@code ssl.keystore.type=PEM}: the encrypted PKCS#8 private key followed by
 * the certificate chain (leaf first) in one file, its password in {@code ssl.key.password}; and with
 * {@code ssl.truststore.type=PEM}, a file of CA certificates without a password.
 */
final class PemFormat implements StoreFormat {

    static final PemFormat INSTANCE = new PemFormat();

    private PemFormat() {
    }

    @Override
    public byte[] keyStore(KeyAndChain entry, String alias, char[] password, SecureRandom random) {
        String text = KeyEncryption.encryptForKafka(entry.key(), password, random) + Pem.certificates(entry.chain());
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public byte[] trustStore(List<X509Certificate> trusted, char[] password) {
        return Pem.certificates(trusted).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public KeyAndChain readKeyStore(byte[] data, char[] password) throws WrongPasswordException, IOException {
        Pem.Contents c = Pem.parse(new String(data, StandardCharsets.US_ASCII));
        if (!c.hasKey()) {
            throw new IOException("holds no private key");
        }
        if (c.certificates().isEmpty()) {
            throw new IOException("holds no certificate");
        }
        return new KeyAndChain(Pem.privateKey(c.key(), password, "the private key"), c.certificates());
    }

    @Override
    public List<X509Certificate> readTrustStore(byte[] data, char[] password) throws IOException {
        return Pem.parse(new String(data, StandardCharsets.US_ASCII)).certificates();
    }
}
