package dev.kroll.probe;

import dev.kroll.inventory.Host;
import java.io.IOException;
import java.time.Duration;

/** Runs a command on a host over kroll's SSH connection. Implemented over {@code dev.kroll.remote}. */
public interface RemoteCommands {

    Result run(Host host, String command, Duration timeout) throws IOException;

    record Result(int exitCode, String stdout, String stderr) {
    }
}
