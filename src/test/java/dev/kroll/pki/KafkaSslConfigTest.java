package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.plan.IdRegistry;
import dev.kroll.plan.Plan;
import dev.kroll.plan.Planner;
import dev.kroll.plan.render.ClientSslPropertiesRenderer;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.ssl.DefaultSslEngineFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The files as Kafka itself reads them: a broker configuration that takes its passwords from
 * {@code ssl.secrets} through {@code FileConfigProvider}, and a client configured by the generated
 * {@code client-ssl.properties} the planner renders for a host (the one kroll ships), as it is, both loaded by Kafka's own {@link DefaultSslEngineFactory}
 * (which has its own PEM parser), then a TLS handshake between the engines Kafka creates
 * (client authentication required, endpoint identification https).
 */
class KafkaSslConfigTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(KeystoreType.class)
    void kafkaLoadsTheStoresAndCompletesAMutualTlsHandshake(KeystoreType type) throws Exception {
        Path kafka1 = dir.resolve(".kroll/pki/hosts/kafka1.example.com");
        // the client properties point at the secrets directory: here, kafka1's local directory
        Inventory inv = TestPki.load(TestPki.threeHosts(dir, "paths:\n  secrets_dir: " + kafka1 + "\ntls:\n  keystore_type: " + type.name() + "\n"));
        TestPki.issue(inv, TestPki.savedCa(inv, KeyType.EC_P256), type);
        Plan plan = Planner.plan(inv, IdRegistry.empty(inv.cluster()), Map.of(), false);
        Path rendered = dir.resolve("client-ssl.properties");
        Files.writeString(rendered, ClientSslPropertiesRenderer.render(plan, plan.host("kafka1.example.com").orElseThrow()));

        try (DefaultSslEngineFactory broker = factory(brokerConfig(PkiLayout.of(inv).hostDir("kafka2.example.com"), type));
             DefaultSslEngineFactory client = factory(clientConfig(rendered))) {
            handshake(client.createClientSslEngine("kafka2.example.com", 9093, "https"), broker.createServerSslEngine("127.0.1.2", 9093));
            handshake(client.createClientSslEngine("127.0.1.2", 9093, "https"), broker.createServerSslEngine("127.0.1.2", 9093));
            SSLEngine wrongName = client.createClientSslEngine("kafka3.example.com", 9093, "https");
            assertThrows(SSLHandshakeException.class, () -> handshake(wrongName, broker.createServerSslEngine("127.0.1.2", 9093)));
        }
        Map<String, Object> withoutKeystore = clientConfig(rendered);
        withoutKeystore.keySet().removeIf(k -> k.startsWith("ssl.keystore.") || k.equals("ssl.key.password"));
        try (DefaultSslEngineFactory broker = factory(brokerConfig(PkiLayout.of(inv).hostDir("kafka2.example.com"), type));
             DefaultSslEngineFactory anonymous = factory(withoutKeystore)) {
            SSLEngine noCertificate = anonymous.createClientSslEngine("kafka2.example.com", 9093, "https");
            assertThrows(SSLHandshakeException.class, () -> handshake(noCertificate, broker.createServerSslEngine("127.0.1.2", 9093)));
        }
    }

    /** What the broker's server.properties says for this store type (the planner renders the same). */
    private static Map<String, Object> brokerConfig(Path hostDir, KeystoreType type) {
        String secrets = hostDir.resolve(SecretsFile.NAME).toString();
        Map<String, Object> c = new HashMap<>();
        c.put("config.providers", "file");
        c.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        c.put("ssl.client.auth", "required");
        c.put("ssl.keystore.type", type.kafkaName());
        c.put("ssl.keystore.location", hostDir.resolve(PkiLayout.serverKeystore(type)).toString());
        c.put("ssl.key.password", "${file:" + secrets + ":key.password}");
        c.put("ssl.truststore.type", type.kafkaName());
        c.put("ssl.truststore.location", hostDir.resolve(PkiLayout.truststore(type)).toString());
        if (StoreFormats.hasStorePasswords(type)) {
            c.put("ssl.keystore.password", "${file:" + secrets + ":keystore.password}");
            c.put("ssl.truststore.password", "${file:" + secrets + ":truststore.password}");
        }
        return c;
    }

    private static Map<String, Object> clientConfig(Path properties) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(properties)) {
            p.load(r);
        }
        assertEquals("SSL", p.getProperty("security.protocol"));
        assertEquals("https", p.getProperty("ssl.endpoint.identification.algorithm"));
        Map<String, Object> c = new HashMap<>();
        p.stringPropertyNames().forEach(k -> c.put(k, p.getProperty(k)));
        return c;
    }

    private static DefaultSslEngineFactory factory(Map<String, Object> raw) {
        ConfigDef def = new ConfigDef();
        SslConfigs.addClientSslSupport(def);
        def.define("ssl.client.auth", ConfigDef.Type.STRING, "none", ConfigDef.Importance.MEDIUM, "client authentication");
        def.define("security.protocol", ConfigDef.Type.STRING, "PLAINTEXT", ConfigDef.Importance.MEDIUM, "protocol");
        // AbstractConfig resolves ${file:...} through the config providers, as a broker does
        AbstractConfig config = new AbstractConfig(def, raw);
        DefaultSslEngineFactory f = new DefaultSslEngineFactory();
        f.configure(config.values());
        return f;
    }

    /** Runs a handshake between two engines in memory; throws what either side throws. */
    static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        int packet = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        int app = Math.max(client.getSession().getApplicationBufferSize(), server.getSession().getApplicationBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(packet * 8);
        ByteBuffer toClient = ByteBuffer.allocate(packet * 8);
        ByteBuffer clientApp = ByteBuffer.allocate(app * 2);
        ByteBuffer serverApp = ByteBuffer.allocate(app * 2);
        ByteBuffer empty = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int i = 0; i < 200; i++) {
            if (idle(client) && idle(server)) {
                return;
            }
            client.wrap(empty, toServer);
            tasks(client);
            server.wrap(empty, toClient);
            tasks(server);
            toServer.flip();
            server.unwrap(toServer, serverApp);
            toServer.compact();
            tasks(server);
            toClient.flip();
            client.unwrap(toClient, clientApp);
            toClient.compact();
            tasks(client);
        }
        throw new SSLException("the handshake did not finish");
    }

    private static boolean idle(SSLEngine e) {
        return e.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING || e.getHandshakeStatus() == HandshakeStatus.FINISHED;
    }

    private static void tasks(SSLEngine e) {
        for (Runnable r = e.getDelegatedTask(); r != null; r = e.getDelegatedTask()) {
            r.run();
        }
    }
}
