package dev.kroll.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.Problem;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TlsSettingsTest {

    private static Inventory read(String yaml, List<Problem> problems) {
        return KrollYaml.read(YamlTrees.parse(yaml, Path.of("cluster.yaml")), Path.of("cluster.yaml"), problems);
    }

    @Test
    void theKeystoreTypeSurvivesWritingAndReadingTheInventory() {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read("cluster: {name: t}\ntls: {keystore_type: PEM}\nhosts:\n  - {name: a, roles: [kafka]}\n", problems);
        assertTrue(problems.isEmpty(), problems.toString());
        assertEquals(KeystoreType.PEM, inv.tls().keystoreType());
        String yaml = InventoryWriter.toYaml(inv);
        assertTrue(yaml.contains("tls:\n  keystore_type: PEM\n"), yaml);
        assertEquals(KeystoreType.PEM, read(yaml, problems).tls().keystoreType());
    }

    @Test
    void theDefaultIsPkcs12AndIsNotWrittenOut() {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read("cluster: {name: t}\nhosts:\n  - {name: a, roles: [kafka]}\n", problems);
        assertEquals(TlsSettings.DEFAULT, inv.tls());
        assertEquals(KeystoreType.PKCS12, inv.tls().keystoreType());
        assertFalse(InventoryWriter.toYaml(inv).contains("tls:"));
    }

    @Test
    void anUnknownKeyUnderTlsIsReportedWithASuggestion() {
        List<Problem> problems = new ArrayList<>();
        read("cluster: {name: t}\ntls: {keystore_typ: JKS}\nhosts: []\n", problems);
        assertEquals("cluster.yaml:2:7: error: unknown key 'keystore_typ' in tls — did you mean 'keystore_type'?", problems.get(0).format());
    }
}
