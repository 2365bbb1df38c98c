package dev.kroll.cli;

import dev.kroll.pki.CaPassphrase;
import dev.kroll.pki.KeyType;
import dev.kroll.pki.StoreType;
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
    }

    static final class KeyTypeConverter implements ITypeConverter<KeyType> {
        @Override
        public KeyType convert(String value) {
            return KeyType.parse(value).orElseThrow(() -> new TypeConversionException(
                    "unknown key type '" + value + "', use one of " + KeyType.choices()));
        }
    }

    static final class StoreTypeConverter implements ITypeConverter<StoreType> {
        @Override
        public StoreType convert(String value) {
            return StoreType.parse(value).orElseThrow(() -> new TypeConversionException(
                    "unknown store type '" + value + "', use one of " + StoreType.choices()));
        }
    }
}
