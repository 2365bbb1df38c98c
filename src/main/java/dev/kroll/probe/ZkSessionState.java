package dev.kroll.probe;

import java.time.Instant;

/**
 * kroll's own Curator connection to the ensemble, as its {@code ConnectionStateListener} last saw it.
 *
 * @param state  {@code CONNECTED}, {@code RECONNECTED}, {@code SUSPENDED}, {@code LOST}, {@code READ_ONLY},
 *               or {@code NOT_STARTED}
 * @param since  when it entered that state
 */
public record ZkSessionState(String state, Instant since) {

    public static final ZkSessionState NOT_STARTED = new ZkSessionState("NOT_STARTED", null);

    public boolean connected() {
        return state.equals("CONNECTED") || state.equals("RECONNECTED");
    }
}
