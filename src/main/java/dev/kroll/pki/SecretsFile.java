package dev.kroll.pki;

import dev.kroll.util.PropertiesText;
import dev.kroll.util.Files2;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host's {@code ssl.secrets}: the store passwords as Java properties, 0600. Kafka reads it through
 * {@code FileConfigProvider} ({@code ${file:/etc/kafka/ssl/ssl.secrets:keystore.password}}), so no password
 * is ever written into server.properties or onto a command line.
 */
public final class SecretsFile {

    public static final String NAME = "ssl.secrets";

    private SecretsFile() {
    }

    public static String render(StorePasswords passwords) {
        return PropertiesText.render(List.of("kroll: store passwords of this host's keystores (keep 0600, never log)"), passwords.toMap());
    }

    public static void write(Path file, StorePasswords passwords) throws IOException {
        writePrivate(file, render(passwords));
    }

    /** The passwords in {@code file}, or empty when it is missing or incomplete. */
    public static Optional<StorePasswords> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return StorePasswords.from(PropertiesText.parse(Files.readString(file, StandardCharsets.UTF_8)));
    }

    /** Writes text that holds secrets: atomically, and never readable by anyone but the owner, not even for a moment. */
    static void writePrivate(Path file, String text) throws IOException {
        Files2.writeAtomically(file, text.getBytes(StandardCharsets.UTF_8), Files2.OWNER_ONLY);
    }

    static Map<String, String> readProperties(Path file) throws IOException {
        return PropertiesText.parse(Files.readString(file, StandardCharsets.UTF_8));
    }
}
