package dev.kroll.rollout.port;

/**
 * Asks the operator for a secret (the CA passphrase), read without echo. The command line reads it from the
 * terminal; the TUI, which owns the terminal, asks in a modal of its own. Called on an engine thread, which
 * waits for the answer.
 */
@FunctionalInterface
public interface SecretQuestion {

    /** The secret typed, or null when the operator declined to give one. */
    char[] ask(String prompt) throws InterruptedException;
}
