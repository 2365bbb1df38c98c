package dev.kroll.remote;

/** Progress of a fan-out, per host, for the TUI and the CLI to render. Delivered from worker threads. */
public sealed interface HostEvent {

    String host();

    /** The action began on the host. */
    record Started(String host) implements HostEvent {
    }

    /** A step within the action, e.g. "uploading server.properties". */
    record Progress(String host, String message) implements HostEvent {
    }

    /** The host is done, one way or the other. */
    record Finished(String host, HostResult<?> result) implements HostEvent {
    }
}
