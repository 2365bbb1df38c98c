package dev.kroll.plan.render;

import dev.kroll.util.PropertiesText;
import dev.kroll.plan.ConfigValue;
import dev.kroll.plan.EffectiveConfig;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.plan.Plan;
import dev.kroll.plan.TlsLayout;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A broker's server.properties for one listener phase. Never contains a password, only references to ssl.secrets. */
public final class ServerPropertiesRenderer {

    private ServerPropertiesRenderer() {
    }

    public static String render(Plan plan, HostPlan host, ListenerPhase phase) {
        EffectiveConfig config = host.broker(phase);
        StringBuilder sb = new StringBuilder();
        sb.append(PropertiesText.comment("Kafka broker " + host.name() + " of cluster " + plan.inventory().cluster()
                        + ", listener phase " + phase.key() + ".",
                "Rendered by kroll: change the inventory and run 'kroll render'; 'kroll plan --explain' shows where each value comes from."));
        Set<String> written = new HashSet<>();
        for (Map.Entry<String, List<String>> section : sections(plan, host).entrySet()) {
            StringBuilder part = new StringBuilder();
            for (String key : section.getValue()) {
                config.get(key).ifPresent(v -> part.append(PropertiesText.line(key, v)));
                written.add(key);
            }
            if (part.length() > 0) {
                sb.append('\n').append(PropertiesText.comment(section.getKey())).append(part);
            }
        }
        StringBuilder rest = new StringBuilder();
        for (ConfigValue v : config.values().values()) {
            if (!written.contains(v.key())) {
                rest.append(PropertiesText.line(v.key(), v.value()));
            }
        }
        if (rest.length() > 0) {
            sb.append('\n').append(PropertiesText.comment("Settings: kroll defaults, then cluster, groups and host overrides.")).append(rest);
        }
        return sb.toString();
    }

    private static Map<String, List<String>> sections(Plan plan, HostPlan host) {
        TlsLayout tls = plan.tls(host.host());
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("Identity.", List.of("broker.id", "broker.rack"));
        s.put("Listeners: bound to the host's address, advertised to clients.", List.of("listeners", "advertised.listeners",
                "listener.security.protocol.map", "inter.broker.listener.name", "listener.name.ssl.ssl.client.auth"));
        s.put("TLS: stores under " + tls.secretsDir() + "; passwords are resolved from " + tls.secretsFile()
                        + " at start-up by the FileConfigProvider.",
                List.of("config.providers", "config.providers.file.class", "ssl.keystore.type", "ssl.keystore.location",
                        "ssl.keystore.password", "ssl.key.password", "ssl.truststore.type", "ssl.truststore.location",
                        "ssl.truststore.password", "ssl.enabled.protocols", "ssl.endpoint.identification.algorithm"));
        s.put("Storage and ZooKeeper.", List.of("log.dirs", "zookeeper.connect"));
        return s;
    }
}
