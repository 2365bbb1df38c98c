package dev.kroll.rollout.port;

import dev.kroll.inventory.Role;
import java.nio.charset.StandardCharsets;

/**
 * A file as it must be on a host.
 *
 * @param path    absolute path on the host
 * @param mode    POSIX permissions, e.g. {@code 0644}; secrets are {@code 0600}
 * @param secret  keystores, password files: never shown in a diff, a log or the journal
 * @param service the service that must restart to pick the file up, or null (none)
 */
public record RenderedFile(String path, byte[] content, int mode, boolean secret, Role service) {

    public static RenderedFile config(String path, String text, Role service) {
        return new RenderedFile(path, text.getBytes(StandardCharsets.UTF_8), 0644, false, service);
    }

    public static RenderedFile secret(String path, byte[] content, Role service) {
        return new RenderedFile(path, content, 0600, true, service);
    }
}
