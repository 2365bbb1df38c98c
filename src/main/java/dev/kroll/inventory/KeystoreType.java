package dev.kroll.inventory;

import java.util.Locale;
import java.util.Optional;

/** The file format of the keystores and truststores kroll puts on the hosts ({@code tls.keystore_type}). */
public enum KeystoreType {
    PKCS12("p12"),
    JKS("jks"),
    /** PEM files; Kafka then takes only the key password, never a store password. */
    PEM("pem");

    private final String extension;

    KeystoreType(String extension) {
        this.extension = extension;
    }

    /** The file name extension of stores of this type, e.g. {@code p12}. */
    public String extension() {
        return extension;
    }

    /** The value of Kafka's {@code ssl.keystore.type} / {@code ssl.truststore.type}. */
    public String kafkaName() {
        return name();
    }

    public static Optional<KeystoreType> parse(String word) {
        return switch (word.trim().toUpperCase(Locale.ROOT)) {
            case "PKCS12", "P12" -> Optional.of(PKCS12);
            case "JKS" -> Optional.of(JKS);
            case "PEM" -> Optional.of(PEM);
            default -> Optional.empty();
        };
    }
}
