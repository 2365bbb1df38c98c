package dev.kroll.rollout.port;

/**
 * Whom to ask about an SSH host key seen for the first time, in plain values so that a front end (the TUI)
 * can answer without knowing the SSH layer. Called on a connection thread, which waits for the answer; a
 * changed key is never asked about: it is always refused.
 */
@FunctionalInterface
public interface HostKeyQuestion {

    /** What {@code kroll run} does: an unknown key is refused (record it first with {@code kroll facts --accept-new-host-keys}). */
    HostKeyQuestion REFUSE = (host, address, port, keyType, fingerprint) -> false;

    /**
     * @param host        the host's inventory name
     * @param address     the address connected to
     * @param keyType     e.g. {@code ssh-ed25519}
     * @param fingerprint {@code SHA256:…}
     * @return true to trust the key (it is then recorded in kroll's known_hosts), false to refuse the host
     */
    boolean trust(String host, String address, int port, String keyType, String fingerprint) throws InterruptedException;
}
