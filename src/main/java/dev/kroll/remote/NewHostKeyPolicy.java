package dev.kroll.remote;

/**
 * What to do with a host key seen for the first time. The CLI refuses unless {@code --accept-new-host-keys}
 * is given; the TUI asks the operator with the fingerprint. A changed key never reaches this policy: it is
 * always refused.
 */
@FunctionalInterface
public interface NewHostKeyPolicy {

    NewHostKeyPolicy REFUSE = key -> false;
    NewHostKeyPolicy ACCEPT = key -> true;

    /** True to trust the key and record it in kroll's known_hosts; called from connection threads. */
    boolean accept(UnknownHostKey key);
}
