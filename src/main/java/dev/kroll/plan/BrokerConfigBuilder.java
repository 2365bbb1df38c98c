package dev.kroll.plan;

import dev.kroll.inventory.Advertise;
import dev.kroll.inventory.Defaults;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A broker's effective server.properties for one listener phase: the layered settings plus what
 * kroll derives (identity, listeners, TLS, storage, replication that fits the broker count).
 */
final class BrokerConfigBuilder {

    static final String PLAINTEXT = "PLAINTEXT";
    static final String SSL = "SSL";

    private BrokerConfigBuilder() {
    }

    static EffectiveConfig build(PlanContext ctx, Host host, ListenerPhase phase, List<Problem> problems) {
        Inventory inv = ctx.inventory();
        Map<String, ConfigValue> layered = ConfigLayers.merge(inv, host, Role.KAFKA, Defaults.BROKER);
        BrokerSettingsCheck.check(layered.values(), problems);
        ReplicationFit.apply(layered, ctx.brokerCount(), problems);

        Map<String, ConfigValue> out = new LinkedHashMap<>();
        ctx.ids().brokerId(host.name()).ifPresent(id -> take(out, layered, "broker.id", String.valueOf(id),
                host.brokerId() != null ? "pinned by broker_id" : "ID registry"));
        if (host.rack() != null && !host.rack().isBlank()) {
            take(out, layered, "broker.rack", host.rack(), "rack of " + host.name());
        }
        listeners(out, layered, inv, host, phase);
        if (phase.hasSsl()) {
            tls(out, layered, TlsLayout.of(inv, host));
        }
        take(out, layered, "log.dirs", String.join(",", inv.pathsFor(host).logDirs()), "paths.log_dirs");
        take(out, layered, "zookeeper.connect", ctx.zookeeperConnect(), "the zookeeper hosts in myid order"
                + (inv.zookeeperChroot() == null ? "" : " + zookeeper_chroot"));
        // managed keys the operator set were reported by the check; they are never rendered
        layered.keySet().removeIf(k -> BrokerSettingsCheck.managedFix(k).isPresent());
        new TreeMap<>(layered).forEach(out::put);
        return new EffectiveConfig(out);
    }

    private static void listeners(Map<String, ConfigValue> out, Map<String, ConfigValue> layered, Inventory inv, Host host,
                                  ListenerPhase phase) {
        String advertised = inv.advertise().of(host);
        List<String> bind = new ArrayList<>();
        List<String> adv = new ArrayList<>();
        if (phase.hasPlaintext()) {
            bind.add(PLAINTEXT + "://" + PlanContext.hostPort(host.address(), host.ports().kafkaPlaintext()));
            adv.add(PLAINTEXT + "://" + PlanContext.hostPort(advertised, host.ports().kafkaPlaintext()));
        }
        if (phase.hasSsl()) {
            bind.add(SSL + "://" + PlanContext.hostPort(host.address(), host.ports().kafkaSsl()));
            adv.add(SSL + "://" + PlanContext.hostPort(advertised, host.ports().kafkaSsl()));
        }
        String why = "phase " + phase.key();
        take(out, layered, "listeners", String.join(",", bind), why + ", bound to the host address");
        take(out, layered, "advertised.listeners", String.join(",", adv), why + ", advertising the host "
                + (inv.advertise() == Advertise.NAME ? "name" : "address"));
        take(out, layered, "listener.security.protocol.map", PLAINTEXT + ":" + PLAINTEXT + "," + SSL + ":" + SSL, "listener names");
        take(out, layered, "inter.broker.listener.name", phase.interBrokerSsl() ? SSL : PLAINTEXT, why);
        if (phase.hasSsl()) {
            take(out, layered, "listener.name.ssl.ssl.client.auth", "required", "SSL clients must present certificates");
        }
    }

    private static void tls(Map<String, ConfigValue> out, Map<String, ConfigValue> layered, TlsLayout tls) {
        String why = "TLS layout under paths.secrets_dir";
        take(out, layered, "config.providers", TlsLayout.PROVIDER, "passwords are read from " + TlsLayout.SECRETS_FILE);
        take(out, layered, "config.providers." + TlsLayout.PROVIDER + ".class", TlsLayout.PROVIDER_CLASS, "Kafka's FileConfigProvider");
        take(out, layered, "ssl.keystore.type", tls.type().kafkaName(), "tls.keystore_type");
        take(out, layered, "ssl.keystore.location", tls.serverKeystore(), why);
        if (tls.storePasswords()) {
            take(out, layered, "ssl.keystore.password", tls.secret(TlsLayout.KEYSTORE_PASSWORD), why);
        }
        take(out, layered, "ssl.key.password", tls.secret(TlsLayout.KEY_PASSWORD), why);
        take(out, layered, "ssl.truststore.type", tls.type().kafkaName(), "tls.keystore_type");
        take(out, layered, "ssl.truststore.location", tls.truststore(), why);
        if (tls.storePasswords()) {
            take(out, layered, "ssl.truststore.password", tls.secret(TlsLayout.TRUSTSTORE_PASSWORD), why);
        }
        ConfigValue protocols = layered.remove("ssl.enabled.protocols");
        out.put("ssl.enabled.protocols", protocols != null ? protocols
                : ConfigValue.of("ssl.enabled.protocols", "TLSv1.3,TLSv1.2", Origin.derived("TLS 1.0 and 1.1 are broken")));
        take(out, layered, "ssl.endpoint.identification.algorithm", "https", "hostname verification stays on");
    }

    /** Moves {@code key} from the layered settings to the output with kroll's derived value, keeping what it overrode. */
    private static void take(Map<String, ConfigValue> out, Map<String, ConfigValue> layered, String key, String value, String why) {
        Map<String, ConfigValue> one = new LinkedHashMap<>();
        ConfigValue prev = layered.remove(key);
        if (prev != null) {
            one.put(key, prev);
        }
        ConfigLayers.derive(one, key, value, why);
        out.put(key, one.get(key));
    }
}
