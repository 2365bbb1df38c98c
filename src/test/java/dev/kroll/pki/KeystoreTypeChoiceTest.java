package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.util.KrollException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTypeChoiceTest {

    @TempDir
    Path dir;

    private Inventory inventory(String extra) throws Exception {
        return TestPki.load(TestPki.threeHosts(dir, extra));
    }

    @Test
    void withoutTlsKeystoreTypeTheOptionDecidesAndPkcs12IsTheDefault() throws Exception {
        Inventory inv = inventory("");
        assertEquals(KeystoreType.PKCS12, KeystoreTypeChoice.choose(inv, null));
        assertEquals(KeystoreType.JKS, KeystoreTypeChoice.choose(inv, KeystoreType.JKS));
        assertEquals(Optional.empty(), KeystoreTypeChoice.configured(inv, null), "check accepts any format then");
    }

    @Test
    void theInventoryNamesTheTypeForTheWholeCluster() throws Exception {
        Inventory inv = inventory("tls:\n  keystore_type: pem\n");
        assertEquals(KeystoreType.PEM, KeystoreTypeChoice.choose(inv, null));
        assertEquals(KeystoreType.PEM, KeystoreTypeChoice.choose(inv, KeystoreType.PEM));
        // written explicitly as the default still counts as written
        assertEquals(KeystoreType.PKCS12, KeystoreTypeChoice.configured(inventory("tls:\n  keystore_type: PKCS12\n"), null).orElseThrow());
    }

    @Test
    void aContradictingOptionIsRefusedWithThePositionOfTheSetting() throws Exception {
        Inventory inv = inventory("tls:\n  keystore_type: pem\n");
        KrollException e = assertThrows(KrollException.class, () -> KeystoreTypeChoice.choose(inv, KeystoreType.JKS));
        assertEquals(dir.resolve("cluster.yaml") + ":4:18: error: --store-type JKS contradicts tls.keystore_type PEM — drop --store-type,"
                + " or change keystore_type here (then re-issue and redistribute)", e.problems().get(0).format());
    }
}
