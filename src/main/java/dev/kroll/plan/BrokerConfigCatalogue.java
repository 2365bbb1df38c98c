package dev.kroll.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * The names and types of every Kafka 3.9.1 broker setting, read from a resource generated from the
 * broker's own {@code KafkaConfig.configDef()} (src/build/kafka-config-catalogue). Values are checked
 * with kafka-clients' {@link ConfigDef#parseType}, the parser the broker itself uses.
 */
public final class BrokerConfigCatalogue {

    public static final String KAFKA_VERSION = "3.9.1";
    static final String RESOURCE = "kafka-3.9.1-broker-configs.tsv";
    private static final Map<String, ConfigDef.Type> TYPES = load();
    private static final Pattern CLASS_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*");

    private BrokerConfigCatalogue() {
    }

    public static Set<String> keys() {
        return TYPES.keySet();
    }

    public static Optional<ConfigDef.Type> type(String key) {
        return Optional.ofNullable(TYPES.get(key));
    }

    /**
     * Why {@code value} is not a valid value of the known setting {@code key}, e.g. "must be a whole
     * number (int)"; empty when it is valid, unknown, or a config-provider reference resolved on the host.
     */
    public static Optional<String> typeError(String key, String value) {
        ConfigDef.Type type = TYPES.get(key);
        if (type == null || value.contains("${")) {
            return Optional.empty();
        }
        switch (type) {
            case STRING, PASSWORD, LIST:
                return Optional.empty();
            case CLASS:
                // parseType would load the class, and broker plugins are not on kroll's classpath
                return CLASS_NAME.matcher(value.trim()).matches() ? Optional.empty() : Optional.of("must be a Java class name");
            default:
                try {
                    ConfigDef.parseType(key, value, type);
                    return Optional.empty();
                } catch (ConfigException e) {
                    return Optional.of("must be " + describe(type));
                }
        }
    }

    static String describe(ConfigDef.Type type) {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case INT -> "a whole number (int)";
            case SHORT -> "a whole number (short)";
            case LONG -> "a whole number (long)";
            case DOUBLE -> "a number";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    private static Map<String, ConfigDef.Type> load() {
        Map<String, ConfigDef.Type> types = new TreeMap<>();
        try (InputStream in = BrokerConfigCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from kroll's jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                types.put(parts[0], ConfigDef.Type.valueOf(parts[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(types);
    }
}
