package dev.kroll.pki;

/** A password or passphrase did not open what it was meant to open. The message never contains the password. */
public final class WrongPasswordException extends Exception {

    private static final long serialVersionUID = 1L;

    public WrongPasswordException(String message) {
        super(message);
    }
}
