package dev.kroll.pki;

import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the CA passphrase comes from, in this order: {@code --ca-password-file FILE}, the
 * {@value #ENV} environment variable (automation), or a prompt without echo (asked twice when a CA is
 * created). Never from a command-line value: those end up in shell history and {@code ps}.
 */
public final class CaPassphrase {

    public static final String ENV = "KROLL_CA_PASSWORD";
    public static final int MIN_LENGTH = 12;

    /** Reads a line without echo; {@code System.console()::readPassword} in the CLI. */
    public interface Prompt {
        char[] read(String prompt);
    }

    private CaPassphrase() {
    }

    /**
     * @param prompt null when there is no terminal
     * @param creating a new CA: ask twice, and insist on {@value #MIN_LENGTH} characters
     * @param warn receives a warning about a password file others can read
     */
    public static char[] resolve(Path file, Map<String, String> env, Prompt prompt, boolean creating, Consumer<String> warn) {
        char[] pass;
        String source;
        if (file != null) {
            pass = readFile(file, warn);
            source = file.toString();
        } else if (env.get(ENV) != null && !env.get(ENV).isEmpty()) {
            pass = env.get(ENV).toCharArray();
            source = ENV;
        } else if (prompt != null) {
            pass = prompt.read(creating ? "New CA passphrase: " : "CA passphrase: ");
            if (pass == null) {
                throw KrollException.badInput("no CA passphrase entered");
            }
            if (creating) {
                char[] again = prompt.read("Repeat the CA passphrase: ");
                if (again == null || !Arrays.equals(pass, again)) {
                    throw KrollException.badInput("the two passphrases differ — run the command again");
                }
            }
            source = "the prompt";
        } else {
            throw KrollException.badInput("no CA passphrase: give --ca-password-file FILE, set " + ENV
                    + ", or run in a terminal to be asked");
        }
        if (pass.length == 0) {
            throw KrollException.badInput("the CA passphrase from " + source + " is empty");
        }
        if (creating && pass.length < MIN_LENGTH) {
            throw KrollException.badInput("the CA passphrase from " + source + " has " + pass.length + " characters; use at least "
                    + MIN_LENGTH + " (it is all that protects the CA key)");
        }
        return pass;
    }

    /** The first line of {@code file}, without its line end. */
    public static char[] readFile(Path file, Consumer<String> warn) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                warn.accept("warning: " + file + " is readable by others; chmod 600 it");
            }
        } catch (IOException | UnsupportedOperationException e) {
            // permissions are advice only; reading below reports a missing file
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            String line = end < 0 ? text : text.substring(0, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            return line.toCharArray();
        } catch (NoSuchFileException e) {
            throw KrollException.badInput(file + ": file not found — give the file that holds the passphrase");
        } catch (IOException e) {
            throw KrollException.badInput(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
