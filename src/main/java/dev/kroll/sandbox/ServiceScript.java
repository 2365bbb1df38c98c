package dev.kroll.sandbox;

import dev.kroll.inventory.InstallPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code ~/bin/sandbox-service} script of a simulated host: start/stop/status of its ZooKeeper and
 * Kafka for the inventory's {@code script} service manager (see the template for what each does).
 */
public final class ServiceScript {

    /** Where the script lives, relative to the host's home, and how the inventory calls it. */
    public static final String PATH = "bin/sandbox-service";

    public static final String KAFKA_HEAP = "256m";
    public static final String ZOOKEEPER_HEAP = "128m";

    private ServiceScript() {
    }

    public static String command(String action, String service) {
        return "~/" + PATH + " " + action + " " + service;
    }

    /** The script for one host. Pure. */
    public static String render(HostEndpoint host, InstallPaths paths) {
        Map<String, String> values = Map.of(
                "@HOST@", host.name(),
                "@ADDRESS@", host.address(),
                "@KAFKA_HOME@", paths.kafkaHome(),
                "@CONFIG_DIR@", paths.configDir(),
                "@APP_LOG_DIR@", paths.appLogDir(),
                "@KAFKA_HEAP_OPTS@", "-Xmx" + KAFKA_HEAP + " -Xms" + KAFKA_HEAP,
                "@ZOOKEEPER_HEAP_OPTS@", "-Xmx" + ZOOKEEPER_HEAP + " -Xms" + ZOOKEEPER_HEAP,
                "@KAFKA_JMX_PORT@", String.valueOf(host.ports().kafkaJmx()),
                "@ZOOKEEPER_JMX_PORT@", String.valueOf(host.ports().zookeeperJmx()));
        String text = template();
        for (Map.Entry<String, String> e : values.entrySet()) {
            // the header comment names the host plainly; assignments get quoted values
            text = text.replace("=" + e.getKey(), "=" + shellQuote(e.getValue())).replace(e.getKey(), e.getValue());
        }
        return text;
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static String template() {
        try (InputStream in = ServiceScript.class.getResourceAsStream("sandbox-service.sh")) {
            if (in == null) {
                throw new IllegalStateException("sandbox-service.sh is missing from kroll's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
