package dev.kroll.pki;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keystore formats Kafka reads ({@code ssl.keystore.type}). PKCS12 is the default: standard, and the
 * JDK encrypts it with AES-256 and PBKDF2. JKS only for very old clients; PEM for tools outside Java and for
 * Kafka's own PEM support (private key and chain in one file).
 */
public enum StoreType {
    PKCS12("p12"), JKS("jks"), PEM("pem");

    public static final StoreType DEFAULT = PKCS12;

    private final String extension;

    StoreType(String extension) {
        this.extension = extension;
    }

    /** The file extension of this format's stores: {@code p12}, {@code jks} or {@code pem}. */
    public String extension() {
        return extension;
    }

    /** The value of Kafka's {@code ssl.keystore.type} / {@code ssl.truststore.type}. */
    public String kafkaType() {
        return name();
    }

    /** Kafka refuses store passwords for PEM files: only the private key is protected, by {@code ssl.key.password}. */
    public boolean hasStorePasswords() {
        return this != PEM;
    }

    public StoreFormat format() {
        return this == PEM ? PemFormat.INSTANCE : new KeyStoreFormat(name());
    }

    public static Optional<StoreType> parse(String s) {
        String k = s.trim().toUpperCase(Locale.ROOT);
        if (k.equals("P12") || k.equals("PFX")) {
            return Optional.of(PKCS12);
        }
        return Arrays.stream(values()).filter(t -> t.name().equals(k)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
