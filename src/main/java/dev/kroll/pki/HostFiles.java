package dev.kroll.pki;

import dev.kroll.inventory.KeystoreType;
import dev.kroll.util.Files2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes one host's directory ({@code .kroll/pki/hosts/NAME/}). Every file is written to a
 * temporary name and renamed, 0600; passwords go first so a run cut short is noticed and repaired by
 * the next one rather than leaving stores nobody can open.
 */
public final class HostFiles {

    private HostFiles() {
    }

    /** Everything that is there; {@code preferred} decides which format wins when several are present. */
    public static HostSnapshot read(Path dir, String host, KeystoreType preferred) throws IOException {
        if (!Files.isDirectory(dir)) {
            return HostSnapshot.absent(host);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        KeystoreType type = findType(dir, preferred).orElse(null);
        boolean hasSecrets = Files.exists(dir.resolve(SecretsFile.NAME));
        if (type == null && !hasSecrets) {
            return HostSnapshot.absent(host);
        }
        if (type == null) {
            errors.put(PkiLayout.serverKeystore(preferred == null ? KeystoreType.PKCS12 : preferred), "missing");
        }
        StorePasswords passwords = SecretsFile.read(dir.resolve(SecretsFile.NAME)).orElse(null);
        if (passwords == null) {
            errors.put(SecretsFile.NAME, hasSecrets ? "incomplete (needs " + String.join(", ", StorePasswords.KEYS) + ")" : "missing");
        }
        KeyAndChain server = null;
        KeyAndChain client = null;
        List<X509Certificate> trusted = null;
        if (type != null && passwords != null) {
            StoreFormat f = StoreFormats.of(type);
            server = readKeys(dir, PkiLayout.serverKeystore(type), f, type == KeystoreType.PEM ? passwords.key() : passwords.keystore(),
                    StorePasswords.KEYSTORE, errors);
            client = readKeys(dir, PkiLayout.clientKeystore(type), f, passwords.clientKeystore(), StorePasswords.CLIENT_KEYSTORE, errors);
            trusted = readTrust(dir, PkiLayout.truststore(type), f, passwords.truststore(), errors);
        }
        Path props = dir.resolve(PkiLayout.CLIENT_PROPERTIES);
        String clientProperties = Files.isRegularFile(props) ? Files.readString(props, StandardCharsets.UTF_8) : null;
        return new HostSnapshot(host, type, passwords, server, client, trusted, clientProperties, errors);
    }

    private static Optional<KeystoreType> findType(Path dir, KeystoreType preferred) {
        List<KeystoreType> order = new ArrayList<>();
        if (preferred != null) {
            order.add(preferred);
        }
        for (KeystoreType t : KeystoreType.values()) {
            if (t != preferred) {
                order.add(t);
            }
        }
        return order.stream().filter(t -> Files.exists(dir.resolve(PkiLayout.serverKeystore(t)))).findFirst();
    }

    private static KeyAndChain readKeys(Path dir, String name, StoreFormat f, String password, String passwordKey, Map<String, String> errors) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            errors.put(name, "missing");
            return null;
        }
        try {
            return f.readKeyStore(Files.readAllBytes(file), password.toCharArray());
        } catch (WrongPasswordException e) {
            errors.put(name, "does not open with " + passwordKey + " from " + SecretsFile.NAME + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            errors.put(name, "cannot be read: " + e.getMessage());
        }
        return null;
    }

    private static List<X509Certificate> readTrust(Path dir, String name, StoreFormat f, String password, Map<String, String> errors) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            errors.put(name, "missing");
            return null;
        }
        try {
            return f.readTrustStore(Files.readAllBytes(file), password.toCharArray());
        } catch (WrongPasswordException e) {
            errors.put(name, "does not open with " + StorePasswords.TRUSTSTORE + " from " + SecretsFile.NAME);
        } catch (IOException e) {
            errors.put(name, "cannot be read: " + e.getMessage());
        }
        return null;
    }

    /** What to write for one host; null parts are left as they are. {@code truststore} is already encoded (it is shared). */
    public record Update(KeystoreType type, StorePasswords passwords, KeyAndChain server, KeyAndChain client,
                         byte[] truststore) {
    }

    public static void write(Path dir, Update u, SecureRandom random) throws IOException {
        Files2.privateDir(dir);
        StoreFormat f = StoreFormats.of(u.type());
        StorePasswords pw = u.passwords();
        if (u.server() != null || u.client() != null) {
            SecretsFile.write(dir.resolve(SecretsFile.NAME), pw);
        }
        if (u.truststore() != null) {
            write(dir.resolve(PkiLayout.truststore(u.type())), u.truststore());
        }
        if (u.client() != null) {
            write(dir.resolve(PkiLayout.clientKeystore(u.type())), f.keyStore(u.client(), "client", pw.clientKeystore().toCharArray(), random));
        }
        if (u.server() != null) {
            String serverPassword = u.type() == KeystoreType.PEM ? pw.key() : pw.keystore();
            write(dir.resolve(PkiLayout.serverKeystore(u.type())), f.keyStore(u.server(), "server", serverPassword.toCharArray(), random));
        }
        // the directory holds exactly what distribute-certs ships; client-ssl.properties comes with the
        // rendered configuration (dev.kroll.plan), so a copy left by an older kroll goes
        Files.deleteIfExists(dir.resolve(PkiLayout.CLIENT_PROPERTIES));
        if (u.server() != null) {
            removeOtherFormats(dir, u.type());
        }
    }

    /** After a change of format, stores of the old one would only confuse: the layout names one file per purpose. */
    private static void removeOtherFormats(Path dir, KeystoreType keep) throws IOException {
        for (KeystoreType t : KeystoreType.values()) {
            if (t != keep) {
                for (String name : List.of(PkiLayout.serverKeystore(t), PkiLayout.clientKeystore(t), PkiLayout.truststore(t))) {
                    Files.deleteIfExists(dir.resolve(name));
                }
            }
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files2.writeAtomically(file, bytes, Files2.OWNER_ONLY);
    }
}
