package dev.kroll.rollout.port;

/**
 * What a backend may ask the operator while it works, in plain values so that a front end (the TUI) can
 * answer without knowing SSH or the PKI.
 *
 * @param hostKeys SSH host keys seen for the first time
 * @param secrets  the CA passphrase when neither a file nor the environment gives it; null: the terminal
 *                 (the command line)
 */
public record Prompts(HostKeyQuestion hostKeys, SecretQuestion secrets) {

    /** {@code kroll run}: unknown host keys refused, the passphrase read from the terminal. */
    public static final Prompts COMMAND_LINE = new Prompts(HostKeyQuestion.REFUSE, null);

    public Prompts {
        hostKeys = hostKeys == null ? HostKeyQuestion.REFUSE : hostKeys;
    }
}
