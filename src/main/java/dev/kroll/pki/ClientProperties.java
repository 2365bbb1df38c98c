package dev.kroll.pki;

import dev.kroll.util.PropertiesText;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.inventory.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders {@code client-ssl.properties}: what a Kafka client or admin tool needs to connect over SSL with
 * mutual TLS and hostname verification, for a client bundle on another machine: it carries the passwords
 * itself and is written 0600. (The brokers' own hosts get the planner's client-ssl.properties, which reads
 * them from {@code ssl.secrets}: {@code dev.kroll.plan.render.ClientSslPropertiesRenderer}.) For PEM
 * stores Kafka rejects store passwords; only {@code ssl.key.password} is set.
 */
public final class ClientProperties {

    private ClientProperties() {
    }

    /**
     * For a client bundle: the passwords themselves.
     *
     * @param dir where the stores live on the machine that uses this file
     * @param keystorePassword the client keystore's password (for PEM, its private key's)
     */
    public static String renderWithPasswords(KeystoreType type, String dir, String keystorePassword, String truststorePassword,
                                             List<String> comments) {
        return render(type, dir, keystorePassword, truststorePassword, comments);
    }

    private static String render(KeystoreType type, String dir, String keystorePassword,
                                 String truststorePassword, List<String> comments) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", "SSL");
        p.put("ssl.endpoint.identification.algorithm", "https");
        p.put("ssl.truststore.type", type.kafkaName());
        p.put("ssl.truststore.location", join(dir, PkiLayout.truststore(type)));
        if (StoreFormats.hasStorePasswords(type)) {
            p.put("ssl.truststore.password", truststorePassword);
        }
        p.put("ssl.keystore.type", type.kafkaName());
        p.put("ssl.keystore.location", join(dir, PkiLayout.clientKeystore(type)));
        if (StoreFormats.hasStorePasswords(type)) {
            p.put("ssl.keystore.password", keystorePassword);
        }
        p.put("ssl.key.password", keystorePassword);
        return PropertiesText.render(comments, p);
    }

    /** The comment lines: what the file is for and a {@code bootstrap.servers} hint from the inventory. */
    public static List<String> comments(String forWhom, Inventory inventory) {
        List<String> c = new ArrayList<>();
        c.add("kroll: Kafka client settings (SSL, mutual TLS) for " + forWhom + ". Keep it 0600.");
        c.add("Use with admin tools: kafka-topics.sh --bootstrap-server HOST:PORT --command-config client-ssl.properties --list");
        String servers = bootstrapServers(inventory);
        if (!servers.isEmpty()) {
            c.add("bootstrap.servers=" + servers);
        }
        return c;
    }

    /** The brokers' SSL listeners as clients reach them (names or addresses, as the inventory advertises). */
    public static String bootstrapServers(Inventory inventory) {
        return inventory.hosts(Role.KAFKA).stream()
                .map(h -> hostPort(inventory.advertise().of(h), h.ports().kafkaSsl()))
                .collect(Collectors.joining(","));
    }

    private static String hostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    static String join(String dir, String file) {
        return dir.endsWith("/") ? dir + file : dir + "/" + file;
    }
}
