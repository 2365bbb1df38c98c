package dev.kroll.pki;

import dev.kroll.inventory.KeystoreType;

/**
 * The {@link StoreFormat} of each {@link KeystoreType}. PKCS12 (the default) is standard and, on Java 17,
 * encrypted with AES-256 and PBKDF2; JKS only for very old clients; PEM for Kafka's PEM support (private
 * key and chain in one file) and tools outside Java.
 */
public final class StoreFormats {

    private StoreFormats() {
    }

    public static StoreFormat of(KeystoreType type) {
        return type == KeystoreType.PEM ? PemFormat.INSTANCE : new KeyStoreFormat(type.name());
    }

    /** Kafka refuses store passwords for PEM files: only the private key is protected, by {@code ssl.key.password}. */
    public static boolean hasStorePasswords(KeystoreType type) {
        return type != KeystoreType.PEM;
    }
}
