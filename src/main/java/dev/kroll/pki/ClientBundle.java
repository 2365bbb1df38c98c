package dev.kroll.pki;

import dev.kroll.inventory.KeystoreType;
import dev.kroll.util.Files2;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A client bundle for an application or an admin tool: a client keystore signed by the CA, the
 * truststore, and a ready {@code client-ssl.properties} (0600; it holds the two store passwords).
 */
public final class ClientBundle {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private ClientBundle() {
    }

    /**
     * @param locationDir the directory the stores will sit in where the client runs (written into the properties)
     * @return the client certificate
     */
    public static X509Certificate write(CertificateAuthority ca, List<X509Certificate> trusted, String name, KeystoreType type,
                                        KeyType keyType, int validityDays, Path dir, String locationDir, List<String> comments,
                                        Instant now) throws IOException {
        checkName(name);
        SecureRandom random = new SecureRandom();
        KeyAndChain keys = ca.issue(LeafKind.CLIENT, name, SubjectNames.NONE, keyType, validityDays, now, random);
        StorePasswords pw = StorePasswords.generate(random);
        StoreFormat f = StoreFormats.of(type);
        Files2.privateDir(dir);
        Files2.writeAtomically(dir.resolve(PkiLayout.truststore(type)), f.trustStore(trusted, pw.truststore().toCharArray()), Files2.OWNER_ONLY);
        Files2.writeAtomically(dir.resolve(PkiLayout.clientKeystore(type)),
                f.keyStore(keys, "client", pw.clientKeystore().toCharArray(), random), Files2.OWNER_ONLY);
        SecretsFile.writePrivate(dir.resolve(PkiLayout.CLIENT_PROPERTIES),
                ClientProperties.renderWithPasswords(type, locationDir, pw.clientKeystore(), pw.truststore(), comments));
        return keys.leaf();
    }

    /** Client names become the certificate's CN (the Kafka principal {@code User:CN=NAME}) and a directory name. */
    public static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw KrollException.badInput("client name '" + name + "' is not usable — use letters, digits, '.', '_', '@' and '-'"
                    + " (up to 64), e.g. billing-service");
        }
    }
}
