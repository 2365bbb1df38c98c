package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.pki.CaPassphrase;
import dev.kroll.pki.CaStore;
import dev.kroll.pki.CertificateAuthority;
import dev.kroll.pki.HostIssuer;
import dev.kroll.pki.KeyType;
import dev.kroll.pki.KeystoreTypeChoice;
import dev.kroll.util.KrollException;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Options and converters shared by the {@code kroll certs} commands. */
final class PkiOptions {

    private PkiOptions() {
    }

    /** {@code --ca-password-file}; the passphrase itself is never an option value. */
    static final class CaPassword {
        @Option(names = "--ca-password-file", paramLabel = "FILE",
                description = "File whose first line is the CA passphrase; without it KROLL_CA_PASSWORD, else a prompt.")
        Path file;

        char[] resolve(boolean creating, PrintWriter err) {
            Console console = System.console();
            CaPassphrase.Prompt prompt = console == null ? null : p -> console.readPassword("%s", p);
            return CaPassphrase.resolve(file, System.getenv(), prompt, creating, err::println);
        }

        /** Asks for the passphrase and decrypts the CA key; the passphrase is wiped right after. */
        CertificateAuthority unlock(CaStore store, PrintWriter err) {
            char[] pass = resolve(false, err);
            try {
                return store.unlock(pass);
            } finally {
                java.util.Arrays.fill(pass, '\0');
            }
        }
    }

    /** What every command that issues leaf certificates accepts. */
    static final class Leaf {
        @Option(names = "--store-type", paramLabel = "TYPE", converter = StoreTypeConverter.class,
                description = "pkcs12 (default), jks or pem; the inventory's tls.keystore_type takes precedence.")
        KeystoreType storeType;

        @Option(names = "--key-type", paramLabel = "TYPE", converter = KeyTypeConverter.class,
                description = "ec-p256, rsa-2048, rsa-3072 or rsa-4096 (default: ec-p256, or rsa-2048 under an RSA CA).")
        KeyType keyType;

        @Option(names = "--validity-days", paramLabel = "N", defaultValue = "" + HostIssuer.DEFAULT_VALIDITY_DAYS,
                description = "Validity of new certificates (default: ${DEFAULT-VALUE}).")
        int validityDays;

        /** The store type (inventory first) after checking the options. */
        KeystoreType resolve(Inventory inventory) {
            if (validityDays < 1 || validityDays > 3650) {
                throw KrollException.badInput("--validity-days must be 1–3650, not " + validityDays);
            }
            return KeystoreTypeChoice.choose(inventory, storeType);
        }
    }

    static final class KeyTypeConverter implements ITypeConverter<KeyType> {
        @Override
        public KeyType convert(String value) {
            return KeyType.parse(value).orElseThrow(() -> new TypeConversionException(
                    "unknown key type '" + value + "', use one of " + KeyType.choices()));
        }
    }

    static final class StoreTypeConverter implements ITypeConverter<KeystoreType> {
        @Override
        public KeystoreType convert(String value) {
            return KeystoreType.parse(value).orElseThrow(() -> new TypeConversionException(
                    "unknown store type '" + value + "', use one of pkcs12, jks, pem"));
        }
    }
}
