package dev.kroll.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.KeystoreType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsLayoutTest {

    @Test
    void filesUnderTheSecretsDirHaveTheAgreedNames() {
        TlsLayout l = new TlsLayout("/etc/kafka/ssl/", KeystoreType.PKCS12);
        assertEquals(List.of("/etc/kafka/ssl/server.keystore.p12", "/etc/kafka/ssl/truststore.p12", "/etc/kafka/ssl/client.keystore.p12",
                "/etc/kafka/ssl/ssl.secrets", "/etc/kafka/ssl/client-ssl.properties"),
                List.of(l.serverKeystore(), l.truststore(), l.clientKeystore(), l.secretsFile(), l.clientProperties()));
        assertEquals("/s/truststore.jks", new TlsLayout("/s", KeystoreType.JKS).truststore());
        assertEquals("/s/client.keystore.pem", new TlsLayout("/s", KeystoreType.PEM).clientKeystore());
    }

    @Test
    void secretsAreReferencedThroughTheFileConfigProvider() {
        assertEquals("${file:/s/ssl.secrets:truststore.password}", new TlsLayout("/s", KeystoreType.JKS).secret(TlsLayout.TRUSTSTORE_PASSWORD));
    }

    @Test
    void onlyPemStoresGoWithoutStorePasswords() {
        assertTrue(new TlsLayout("/s", KeystoreType.JKS).storePasswords());
        assertFalse(new TlsLayout("/s", KeystoreType.PEM).storePasswords());
    }

    @Test
    void aHostWithItsOwnSecretsDirGetsItsStoresThere() {
        dev.kroll.inventory.Inventory inv = Inventories.parse("""
                cluster: {name: t}
                paths: {secrets_dir: /etc/kafka/ssl}
                hosts:
                  - {name: a, roles: [kafka]}
                  - {name: b, roles: [kafka], paths: {secrets_dir: /srv/tls}}
                """);
        assertEquals("/etc/kafka/ssl/server.keystore.p12", TlsLayout.of(inv, inv.hosts().get(0)).serverKeystore());
        assertEquals("/srv/tls/server.keystore.p12", TlsLayout.of(inv, inv.hosts().get(1)).serverKeystore());
    }

    @Test
    void theInventoryChoosesTheStoreTypeAndRejectsOthersAtTheirLine() {
        dev.kroll.inventory.Inventory jks = Inventories.parse("""
                cluster: {name: t}
                tls: {keystore_type: jks}
                hosts: [{name: a, roles: [kafka]}]
                """);
        assertEquals(KeystoreType.JKS, TlsLayout.of(jks, jks.hosts().get(0)).type());
        dev.kroll.inventory.Inventory dflt = Inventories.parse("cluster: {name: t}\nhosts: [{name: a, roles: [kafka]}]\n");
        assertEquals(KeystoreType.PKCS12, TlsLayout.of(dflt, dflt.hosts().get(0)).type());
        List<dev.kroll.util.Problem> problems = new java.util.ArrayList<>();
        dev.kroll.inventory.KrollYaml.read(dev.kroll.util.yaml.YamlTrees.parse("cluster: {name: t}\ntls:\n  keystore_type: BKS\n",
                Inventories.FILE), Inventories.FILE, problems);
        assertEquals(1, problems.size());
        assertEquals("cluster.yaml:3:18: error: tls.keystore_type must be PKCS12, JKS or PEM, found 'BKS'"
                + " — use PKCS12 (the default) unless your tooling needs JKS or PEM", problems.get(0).format());
    }
}
