package dev.kroll.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The key types kroll generates. EC P-256 is the default: key generation and signing take well under a
 * millisecond and every Java since 7 and every OpenSSL-based client speak it; RSA is there for old clients
 * and for CAs that must be RSA.
 */
public enum KeyType {
    EC_P256("ec-p256", "EC P-256", "EC", 256),
    RSA_2048("rsa-2048", "RSA 2048", "RSA", 2048),
    RSA_3072("rsa-3072", "RSA 3072", "RSA", 3072),
    RSA_4096("rsa-4096", "RSA 4096", "RSA", 4096);

    public static final KeyType DEFAULT = EC_P256;

    private final String key;
    private final String label;
    private final String algorithm;
    private final int bits;

    KeyType(String key, String label, String algorithm, int bits) {
        this.key = key;
        this.label = label;
        this.algorithm = algorithm;
        this.bits = bits;
    }

    /** The name used on the command line, e.g. {@code ec-p256}. */
    public String key() {
        return key;
    }

    /** For people, e.g. {@code EC P-256}. */
    public String label() {
        return label;
    }

    public boolean isEc() {
        return algorithm.equals("EC");
    }

    public KeyPair generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (isEc()) {
                g.initialize(new ECGenParameterSpec("secp256r1"), random);
            } else {
                g.initialize(bits, random);
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate " + label + " keys", e);
        }
    }

    /** The type of an existing key, if it is one kroll would generate. */
    public static Optional<KeyType> of(PublicKey key) {
        if (key instanceof ECPublicKey ec && ec.getParams().getOrder().bitLength() == 256
                && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            return Optional.of(EC_P256);
        }
        if (key instanceof RSAPublicKey rsa) {
            int n = rsa.getModulus().bitLength();
            return Arrays.stream(values()).filter(t -> !t.isEc() && t.bits == n).findFirst();
        }
        return Optional.empty();
    }

    /** A short description of any public key, e.g. {@code EC P-256} or {@code RSA 1024}. */
    public static String describe(PublicKey key) {
        return of(key).map(KeyType::label).orElseGet(() -> key instanceof RSAPublicKey rsa
                ? "RSA " + rsa.getModulus().bitLength()
                : key instanceof ECPublicKey ec ? "EC " + ec.getParams().getCurve().getField().getFieldSize() : key.getAlgorithm());
    }

    public static Optional<KeyType> parse(String s) {
        String k = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(t -> t.key.equals(k) || t.key.replace("-", "").equals(k.replace("-", ""))).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(KeyType::key).collect(Collectors.joining(", "));
    }
}
