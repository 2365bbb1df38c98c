package dev.kroll.pki;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import java.nio.file.Path;

/**
 * Where kroll keeps its PKI on the jump host, under {@code .kroll/pki/} beside the inventory:
 * <pre>
 * ca/ca.crt                 the CA certificate (and its issuers, for an imported intermediate)
 * ca/ca.key                 the CA private key, encrypted PKCS#8 (0600); never leaves this machine
 * ca/previous/              replaced CAs, still trusted until removed (rotation)
 * hosts/NAME/               per host, exactly as the files go to the host's secrets directory:
 *   server.keystore.EXT  client.keystore.EXT  truststore.EXT  ssl.secrets  client-ssl.properties
 * clients/NAME/             bundles made by 'kroll certs client'
 * </pre>
 */
public record PkiLayout(Path root) {

    public static final String SERVER_KEYSTORE = "server.keystore";
    public static final String CLIENT_KEYSTORE = "client.keystore";
    public static final String TRUSTSTORE = "truststore";
    public static final String CLIENT_PROPERTIES = "client-ssl.properties";

    public static PkiLayout of(Inventory inventory) {
        return new PkiLayout(inventory.stateDir().resolve("pki"));
    }

    public Path caDir() {
        return root.resolve("ca");
    }

    public Path caCertificate() {
        return caDir().resolve("ca.crt");
    }

    public Path caKey() {
        return caDir().resolve("ca.key");
    }

    public Path previousCaDir() {
        return caDir().resolve("previous");
    }

    public Path hostsDir() {
        return root.resolve("hosts");
    }

    public Path hostDir(String host) {
        return hostsDir().resolve(safeName(host));
    }

    public Path clientDir(String name) {
        return clientsDir().resolve(safeName(name));
    }

    /** Creates {@code .kroll/}, {@code pki/} and {@code sub} below it (if given), each 0700, tightening existing ones. */
    public void ensurePrivate(Path sub) throws java.io.IOException {
        dev.kroll.util.Files2.privateDir(root.getParent());
        dev.kroll.util.Files2.privateDir(root);
        if (sub != null) {
            dev.kroll.util.Files2.privateDir(sub);
        }
    }

    public Path clientsDir() {
        return root.resolve("clients");
    }

    public static String serverKeystore(KeystoreType type) {
        return SERVER_KEYSTORE + "." + type.extension();
    }

    public static String clientKeystore(KeystoreType type) {
        return CLIENT_KEYSTORE + "." + type.extension();
    }

    public static String truststore(KeystoreType type) {
        return TRUSTSTORE + "." + type.extension();
    }

    /** Host and client names become directory names: refuse anything that could leave the directory. */
    static String safeName(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.contains("/") || name.contains("\\") || name.contains("\0")) {
            throw new IllegalArgumentException("not usable as a directory name: '" + name + "'");
        }
        return name;
    }
}
