package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine does on a host. The real implementation goes over SSH ({@code dev.kroll.remote});
 * tests use local directories.
 */
public interface HostOps {

    /** The file's content, or empty when it does not exist. */
    Optional<byte[]> read(Host host, String path) throws IOException;

    /**
     * Writes atomically (temp file + rename, so a cut connection leaves the old file); when the
     * content changes, the previous version is kept as {@code <path>.kroll-prev} (not for secrets:
     * a stale copy of a key is one more copy to leak).
     */
    default WriteOutcome write(Host host, RenderedFile file) throws IOException {
        return write(host, file, !file.secret());
    }

    /**
     * Writes atomically; with {@code keepPrevious} false an existing {@code <path>.kroll-prev} is left
     * as it is (a resumed action whose cut-off attempt already backed up the version before it).
     */
    WriteOutcome write(Host host, RenderedFile file, boolean keepPrevious) throws IOException;

    /**
     * Hex SHA-256 of each file, or {@code absent}, in one round trip where the transport allows
     * (what revert and resume compare backups with).
     */
    default Map<String, String> sha256(Host host, List<String> paths) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : paths) {
            out.put(p, read(host, p).map(Checksums::sha256).orElse(Checksums.ABSENT));
        }
        return out;
    }

    /** Puts {@code <path>.kroll-prev} back in place of {@code path}; false when there is none. */
    boolean restorePrevious(Host host, String path) throws IOException;

    /** Starts the service and returns once the service manager reports it started. */
    void start(Host host, Role role) throws IOException;

    /** Stops the service (for Kafka: a controlled shutdown) and returns once it has stopped. */
    void stop(Host host, Role role) throws IOException;

    /** Whether the service manager reports the service running. */
    boolean running(Host host, Role role) throws IOException;
}
