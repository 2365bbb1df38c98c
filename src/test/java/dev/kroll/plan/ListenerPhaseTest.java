package dev.kroll.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Inventory;
import dev.kroll.plan.render.ServerPropertiesRenderer;
import java.io.StringReader;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ListenerPhaseTest {

    private static Plan plan(String extra) {
        Inventory inv = Inventories.parse("cluster: {name: t}\n" + extra + """
                hosts:
                  - {name: kafka1.example.com, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        return Planner.plan(inv, IdRegistry.empty("t"), Map.of(), false);
    }

    private static Properties rendered(Plan plan, ListenerPhase phase) throws Exception {
        Properties p = new Properties();
        p.load(new StringReader(ServerPropertiesRenderer.render(plan, plan.hosts().get(0), phase)));
        return p;
    }

    @Test
    void plaintextHasOnlyThePlaintextListener() throws Exception {
        Properties p = rendered(plan(""), ListenerPhase.PLAINTEXT);
        assertEquals("PLAINTEXT://10.0.0.1:9092", p.getProperty("listeners"));
        assertEquals("PLAINTEXT://kafka1.example.com:9092", p.getProperty("advertised.listeners"));
        assertEquals("PLAINTEXT", p.getProperty("inter.broker.listener.name"));
        assertFalse(p.stringPropertyNames().stream().anyMatch(k -> k.startsWith("ssl.") || k.startsWith("listener.name.")));
    }

    @Test
    void sslAddedOpensSslBesidePlaintextAndRequiresClientCertificatesFromTheStart() throws Exception {
        Properties p = rendered(plan(""), ListenerPhase.SSL_ADDED);
        assertEquals("PLAINTEXT://10.0.0.1:9092,SSL://10.0.0.1:9093", p.getProperty("listeners"));
        assertEquals("PLAINTEXT://kafka1.example.com:9092,SSL://kafka1.example.com:9093", p.getProperty("advertised.listeners"));
        assertEquals("PLAINTEXT", p.getProperty("inter.broker.listener.name"));
        assertEquals("required", p.getProperty("listener.name.ssl.ssl.client.auth"));
        assertEquals("TLSv1.3,TLSv1.2", p.getProperty("ssl.enabled.protocols"));
        assertEquals("https", p.getProperty("ssl.endpoint.identification.algorithm"));
    }

    @Test
    void sslInterBrokerMovesBrokerTrafficToSsl() throws Exception {
        Properties p = rendered(plan(""), ListenerPhase.SSL_INTER_BROKER);
        assertEquals("PLAINTEXT://10.0.0.1:9092,SSL://10.0.0.1:9093", p.getProperty("listeners"));
        assertEquals("SSL", p.getProperty("inter.broker.listener.name"));
        assertEquals(null, p.getProperty("security.inter.broker.protocol"), "Kafka refuses both at once");
    }

    @Test
    void sslOnlyClosesPlaintext() throws Exception {
        Properties p = rendered(plan(""), ListenerPhase.SSL_ONLY);
        assertEquals("SSL://10.0.0.1:9093", p.getProperty("listeners"));
        assertEquals("SSL://kafka1.example.com:9093", p.getProperty("advertised.listeners"));
        assertEquals("SSL", p.getProperty("inter.broker.listener.name"));
    }

    @Test
    void brokersAdvertiseTheHostNameOrInTheSandboxTheAddress() throws Exception {
        assertEquals("PLAINTEXT://kafka1.example.com:9092", rendered(plan(""), ListenerPhase.PLAINTEXT).getProperty("advertised.listeners"));
        Inventory inv = Inventories.parse("""
                cluster: {name: t, advertise: address}
                hosts:
                  - {name: kafka1.example.com, address: 127.0.0.11, roles: [zookeeper, kafka]}
                """);
        Plan sandbox = Planner.plan(inv, IdRegistry.empty("t"), Map.of(), false);
        assertEquals("SSL://127.0.0.11:9093", rendered(sandbox, ListenerPhase.SSL_ONLY).getProperty("advertised.listeners"));
    }

    @Test
    void passwordsAreNeverWrittenOnlyReferencedInSslSecrets() throws Exception {
        for (ListenerPhase phase : ListenerPhase.values()) {
            Properties p = rendered(plan(""), phase);
            for (String key : p.stringPropertyNames()) {
                if (key.contains("password")) {
                    assertTrue(p.getProperty(key).matches("\\$\\{file:/etc/kafka/ssl/ssl\\.secrets:[a-z.]+}"), key + "=" + p.getProperty(key));
                }
            }
        }
        Properties p = rendered(plan(""), ListenerPhase.SSL_ONLY);
        assertEquals("file", p.getProperty("config.providers"));
        assertEquals("org.apache.kafka.common.config.provider.FileConfigProvider", p.getProperty("config.providers.file.class"));
        assertEquals("${file:/etc/kafka/ssl/ssl.secrets:keystore.password}", p.getProperty("ssl.keystore.password"));
        assertEquals("${file:/etc/kafka/ssl/ssl.secrets:key.password}", p.getProperty("ssl.key.password"));
        assertEquals("${file:/etc/kafka/ssl/ssl.secrets:truststore.password}", p.getProperty("ssl.truststore.password"));
    }

    @Test
    void storesFollowTheClustersKeystoreType() throws Exception {
        Properties p12 = rendered(plan(""), ListenerPhase.SSL_ONLY);
        assertEquals("PKCS12", p12.getProperty("ssl.keystore.type"));
        assertEquals("/etc/kafka/ssl/server.keystore.p12", p12.getProperty("ssl.keystore.location"));
        assertEquals("/etc/kafka/ssl/truststore.p12", p12.getProperty("ssl.truststore.location"));
        Properties jks = rendered(plan("tls: {keystore_type: JKS}\n"), ListenerPhase.SSL_ONLY);
        assertEquals("JKS", jks.getProperty("ssl.truststore.type"));
        assertEquals("/etc/kafka/ssl/server.keystore.jks", jks.getProperty("ssl.keystore.location"));
    }

    @Test
    void pemStoresGetOnlyTheKeyPasswordBecauseKafkaRefusesStorePasswordsForPem() throws Exception {
        Properties pem = rendered(plan("tls: {keystore_type: pem}\n"), ListenerPhase.SSL_ONLY);
        assertEquals("PEM", pem.getProperty("ssl.keystore.type"));
        assertEquals("/etc/kafka/ssl/server.keystore.pem", pem.getProperty("ssl.keystore.location"));
        assertEquals(null, pem.getProperty("ssl.keystore.password"));
        assertEquals(null, pem.getProperty("ssl.truststore.password"));
        assertEquals("${file:/etc/kafka/ssl/ssl.secrets:key.password}", pem.getProperty("ssl.key.password"));
    }

    @Test
    void phasesAreNamedAsOnTheCommandLine() {
        assertEquals(ListenerPhase.SSL_INTER_BROKER, ListenerPhase.parse("ssl-inter-broker").orElseThrow());
        assertTrue(ListenerPhase.parse("tls").isEmpty());
    }
}
