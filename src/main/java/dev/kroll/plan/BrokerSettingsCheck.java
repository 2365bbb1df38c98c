package dev.kroll.plan;

import dev.kroll.util.DidYouMean;
import dev.kroll.util.Problem;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Checks the broker settings the operator wrote (cluster, group and host layers): keys kroll manages
 * itself are errors, unknown keys are warnings with a suggestion, and values of known keys must parse
 * as their Kafka type. Passwords never go into server.properties, and TLS stays at 1.2 or newer.
 */
final class BrokerSettingsCheck {

    /** Keys kroll derives, with what to write instead. */
    static final Map<String, String> MANAGED = managed();
    static final Set<String> SAFE_PROTOCOLS = Set.of("TLSv1.3", "TLSv1.2");

    private BrokerSettingsCheck() {
    }

    static void check(Collection<ConfigValue> values, List<Problem> problems) {
        for (ConfigValue v : values) {
            if (!v.origin().layer().isInventory()) {
                continue;
            }
            String key = v.key();
            String where = key + " (" + v.origin().layer().label() + (v.origin().name() == null ? "" : " " + v.origin().name()) + ")";
            Optional<String> managed = managedFix(key);
            if (managed.isPresent()) {
                problems.add(Problem.error(v.origin().pos(), key + " is set by kroll and cannot be overridden", managed.get()));
                continue;
            }
            Optional<ConfigDef.Type> type = BrokerConfigCatalogue.type(key);
            if (type.isEmpty()) {
                problems.add(Problem.warning(v.origin().pos(), "unknown broker setting '" + key + "' (not a Kafka "
                        + BrokerConfigCatalogue.KAFKA_VERSION + " setting)", DidYouMean.closest(key, BrokerConfigCatalogue.keys())
                        .map(s -> "did you mean '" + s + "'?").orElse("check the spelling; a broker plugin may still read it")));
                continue;
            }
            BrokerConfigCatalogue.typeError(key, v.value()).ifPresent(e -> problems.add(Problem.error(v.origin().pos(),
                    where + " " + e + ", found '" + v.value() + "'", "write e.g. " + example(type.get()))));
            if (type.get() == ConfigDef.Type.PASSWORD && !v.value().isEmpty() && !v.value().contains("${")) {
                problems.add(Problem.error(v.origin().pos(), key + " holds a password in the inventory",
                        "never put secrets in the inventory: reference a file on the host, e.g. ${file:/etc/kafka/ssl/ssl.secrets:" + key + "}"));
            }
            if (key.equals("ssl.enabled.protocols") || key.equals("ssl.protocol")) {
                for (String p : v.value().split(",")) {
                    if (!p.isBlank() && !SAFE_PROTOCOLS.contains(p.trim())) {
                        problems.add(Problem.error(v.origin().pos(), key + " allows " + p.trim() + ", which is broken",
                                "allow only TLSv1.3 and TLSv1.2"));
                    }
                }
            }
        }
    }

    static Optional<String> managedFix(String key) {
        if (key.startsWith("listener.name.")) {
            return Optional.of("kroll sets per-listener settings for each SSL phase; set cluster-wide ssl.* keys instead");
        }
        if (key.startsWith("config.providers")) {
            return Optional.of("kroll registers the FileConfigProvider that reads " + TlsLayout.SECRETS_FILE);
        }
        return Optional.ofNullable(MANAGED.get(key));
    }

    private static String example(ConfigDef.Type type) {
        return switch (type) {
            case BOOLEAN -> "true";
            case DOUBLE -> "0.5";
            default -> "3";
        };
    }

    private static Map<String, String> managed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("broker.id", "pin it with 'broker_id:' on the host (kroll allocates it otherwise)");
        m.put("broker.rack", "set 'rack:' on the host");
        m.put("log.dirs", "set paths.log_dirs");
        m.put("log.dir", "set paths.log_dirs");
        m.put("zookeeper.connect", "kroll derives it from the zookeeper hosts; set cluster.zookeeper_chroot for a chroot");
        String listeners = "kroll derives listeners from ports: and the SSL phase (kroll render --phase)";
        for (String k : List.of("listeners", "advertised.listeners", "listener.security.protocol.map", "inter.broker.listener.name",
                "security.inter.broker.protocol", "port", "host.name", "advertised.host.name", "advertised.port")) {
            m.put(k, listeners);
        }
        String tls = "kroll points these at paths.secrets_dir (tls.keystore_type chooses the format)";
        for (String k : List.of("ssl.keystore.location", "ssl.keystore.password", "ssl.key.password", "ssl.keystore.type",
                "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type")) {
            m.put(k, tls);
        }
        m.put("ssl.client.auth", "kroll requires client certificates on the SSL listener");
        m.put("ssl.endpoint.identification.algorithm", "kroll keeps hostname verification on (https)");
        return java.util.Collections.unmodifiableMap(m);
    }
}
