package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;

/**
 * Where TLS material lives on a host, under {@code paths.secrets_dir}. The PKI code writes files with
 * exactly these names and the rendered configuration points at them, so both sides use this record.
 *
 * <ul>
 *   <li>{@code server.keystore.<ext>}: the broker's key and certificate chain (also its client
 *       identity for inter-broker SSL)</li>
 *   <li>{@code truststore.<ext>}: the cluster CA</li>
 *   <li>{@code client.keystore.<ext>}: a client identity for admin tools on the host</li>
 *   <li>{@code ssl.secrets}: a 0600 properties file with the passwords, read by Kafka's
 *       FileConfigProvider so that no password is ever written into server.properties</li>
 *   <li>{@code client-ssl.properties}: client settings for admin tools ({@code --command-config})</li>
 * </ul>
 */
public record TlsLayout(String secretsDir, KeystoreType type) {

    public static final String SECRETS_FILE = "ssl.secrets";
    public static final String CLIENT_PROPERTIES = "client-ssl.properties";
    /** Keys of {@link #SECRETS_FILE}. */
    public static final String KEYSTORE_PASSWORD = "keystore.password";
    public static final String KEY_PASSWORD = "key.password";
    public static final String TRUSTSTORE_PASSWORD = "truststore.password";
    public static final String CLIENT_KEYSTORE_PASSWORD = "client.keystore.password";
    /** The alias under which server.properties and client-ssl.properties register the FileConfigProvider. */
    public static final String PROVIDER = "file";
    public static final String PROVIDER_CLASS = "org.apache.kafka.common.config.provider.FileConfigProvider";

    public TlsLayout {
        secretsDir = HostPaths.trim(secretsDir);
    }

    public static TlsLayout of(Inventory inv, Host host) {
        return new TlsLayout(inv.pathsFor(host).secretsDir(), inv.tls().keystoreType());
    }

    public String serverKeystore() {
        return secretsDir + "/server.keystore." + type.extension();
    }

    public String truststore() {
        return secretsDir + "/truststore." + type.extension();
    }

    public String clientKeystore() {
        return secretsDir + "/client.keystore." + type.extension();
    }

    public String secretsFile() {
        return secretsDir + "/" + SECRETS_FILE;
    }

    public String clientProperties() {
        return secretsDir + "/" + CLIENT_PROPERTIES;
    }

    /** A reference Kafka resolves at start-up, e.g. {@code ${file:/etc/kafka/ssl/ssl.secrets:keystore.password}}. */
    public String secret(String key) {
        return "${" + PROVIDER + ":" + secretsFile() + ":" + key + "}";
    }

    /**
     * Whether the stores themselves take a password. Kafka refuses a store password for PEM files
     * ("SSL key store password cannot be specified with PEM format"); only the key password applies.
     */
    public boolean storePasswords() {
        return type != KeystoreType.PEM;
    }
}
