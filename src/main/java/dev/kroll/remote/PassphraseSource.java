package dev.kroll.remote;

import dev.kroll.util.KrollException;
import java.io.Console;
import java.nio.file.Path;

/**
 * Where the passphrase of an encrypted private key comes from. Never from the command line (it would show
 * in {@code ps} and shell history): the {@code KROLL_SSH_KEY_PASSPHRASE} environment variable for
 * automation, else a prompt on the terminal.
 */
@FunctionalInterface
public interface PassphraseSource {

    String ENV = "KROLL_SSH_KEY_PASSPHRASE";

    /** The passphrase for {@code keyFile}; throws a {@link KrollException} when there is no way to get one. */
    char[] passphrase(Path keyFile);

    /** The environment variable, then the console. */
    static PassphraseSource standard() {
        return keyFile -> {
            String env = System.getenv(ENV);
            if (env != null) {
                return env.toCharArray();
            }
            Console console = System.console();
            if (console == null) {
                throw KrollException.badInput("private key " + keyFile + " is encrypted and there is no terminal to ask for"
                        + " its passphrase — set " + ENV + " in the environment, or load the key into ssh-agent");
            }
            char[] pass = console.readPassword("Passphrase for %s: ", keyFile);
            if (pass == null) {
                throw KrollException.badInput("no passphrase given for " + keyFile);
            }
            return pass;
        };
    }

    /** A fixed passphrase (tests, and the TUI once it has asked). */
    static PassphraseSource of(char[] passphrase) {
        return keyFile -> passphrase.clone();
    }
}
