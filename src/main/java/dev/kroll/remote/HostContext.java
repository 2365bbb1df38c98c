package dev.kroll.remote;

import dev.kroll.inventory.Host;

/** What an action gets for its host: the host, its (shared, reused) SSH session, and a progress channel. */
public final class HostContext {

    private final Host host;
    private final SshSessions sessions;
    private final FanOutListener listener;
    private volatile boolean cancelled;

    HostContext(Host host, SshSessions sessions, FanOutListener listener) {
        this.host = host;
        this.sessions = sessions;
        this.listener = listener;
    }

    public Host host() {
        return host;
    }

    /** Connects on first use; later actions on the same host reuse the connection. */
    public SshSession session() {
        checkCancelled();
        return sessions.get(host);
    }

    public void progress(String message) {
        listener.on(new HostEvent.Progress(host.name(), message));
    }

    /** True once the run was cancelled or this host timed out: long actions check it between steps. */
    public boolean cancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    public void checkCancelled() {
        if (cancelled()) {
            throw new java.util.concurrent.CancellationException("cancelled");
        }
    }

    void cancel() {
        cancelled = true;
    }
}
