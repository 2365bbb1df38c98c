package dev.kroll.inventory;

/** Cluster-wide TLS choices ({@code tls:} in the inventory). */
public record TlsSettings(KeystoreType keystoreType) {

    public static final TlsSettings DEFAULT = new TlsSettings(KeystoreType.PKCS12);
}
