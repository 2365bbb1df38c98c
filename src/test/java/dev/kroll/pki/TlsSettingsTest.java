package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kroll.util.KrollException;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlsSettingsTest {

    private static Optional<TlsSettings> parse(String yaml) {
        return TlsSettings.from(YamlTrees.parse(yaml, Path.of("cluster.yaml")));
    }

    @Test
    void withoutATlsSectionTheOptionDecidesAndPkcs12IsTheDefault() {
        assertEquals(StoreType.PKCS12, TlsSettings.choose(parse("cluster: {name: x}\n"), null));
        assertEquals(StoreType.JKS, TlsSettings.choose(parse("cluster: {name: x}\n"), StoreType.JKS));
    }

    @Test
    void theInventoryNamesTheTypeForTheWholeCluster() {
        assertEquals(StoreType.PEM, TlsSettings.choose(parse("tls:\n  keystore_type: PEM\n"), null));
        assertEquals(StoreType.PKCS12, TlsSettings.choose(parse("tls:\n  keystore_type: p12\n"), StoreType.PKCS12));
    }

    @Test
    void anUnknownTypeOrKeyIsReportedWithItsPosition() {
        KrollException e = assertThrows(KrollException.class, () -> parse("tls:\n  keystore_type: p7b\n  keystore_typ: pem\n"));
        assertEquals("cluster.yaml:3:3: error: unknown key 'keystore_typ' in tls — did you mean 'keystore_type'?",
                e.problems().get(0).format());
        assertEquals("cluster.yaml:2:18: error: unknown keystore_type 'p7b' — use one of pkcs12, jks, pem", e.problems().get(1).format());
    }
}
