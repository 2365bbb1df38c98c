package dev.kroll.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads ZooKeeper's AdminServer ({@code http://host:8080/commands/…}), the fallback when four-letter
 * words are off. Plain {@link HttpURLConnection}: java.net.http retries a refused connection until
 * its connect timeout, which would turn "nothing listens" into a timeout.
 */
final class AdminServerClient {

    private static final int MAX_BODY = 1 << 20;
    private final int timeoutMs;

    AdminServerClient(Duration timeout) {
        this.timeoutMs = (int) Math.max(1, timeout.toMillis());
    }

    String command(ZkTarget t, String command) throws IOException {
        URI uri = URI.create("http://" + HostPorts.format(t.address(), t.adminPort()) + "/commands/" + command);
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout(timeoutMs);
        c.setReadTimeout(timeoutMs);
        c.setInstanceFollowRedirects(false);
        try {
            int status = c.getResponseCode();
            if (status != 200) {
                throw new IOException("AdminServer answered HTTP " + status + " to " + uri);
            }
            try (InputStream in = c.getInputStream()) {
                byte[] body = in.readNBytes(MAX_BODY);
                return new String(body, StandardCharsets.UTF_8);
            }
        } finally {
            c.disconnect();
        }
    }
}
