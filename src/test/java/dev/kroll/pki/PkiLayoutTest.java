package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kroll.inventory.KeystoreType;
import dev.kroll.plan.TlsLayout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The files kroll writes are the files the rendered broker configuration names. */
class PkiLayoutTest {

    @ParameterizedTest
    @EnumSource(KeystoreType.class)
    void hostFilesHaveTheNamesThePlannerRendersIntoTheConfiguration(KeystoreType type) {
        TlsLayout planned = new TlsLayout("/etc/kafka/ssl", type);
        assertEquals(planned.serverKeystore(), "/etc/kafka/ssl/" + PkiLayout.serverKeystore(type));
        assertEquals(planned.clientKeystore(), "/etc/kafka/ssl/" + PkiLayout.clientKeystore(type));
        assertEquals(planned.truststore(), "/etc/kafka/ssl/" + PkiLayout.truststore(type));
        assertEquals(planned.secretsFile(), "/etc/kafka/ssl/" + SecretsFile.NAME);
        assertEquals(planned.clientProperties(), "/etc/kafka/ssl/" + PkiLayout.CLIENT_PROPERTIES);
        assertEquals(planned.storePasswords(), StoreFormats.hasStorePasswords(type));
    }

    @Test
    void theSecretsFileHasTheKeysTheConfigurationRefersTo() {
        assertEquals(List.of(TlsLayout.KEYSTORE_PASSWORD, TlsLayout.KEY_PASSWORD, TlsLayout.TRUSTSTORE_PASSWORD,
                TlsLayout.CLIENT_KEYSTORE_PASSWORD), StorePasswords.KEYS);
    }

    @Test
    void namesThatWouldLeaveTheDirectoryAreRefused() {
        PkiLayout layout = new PkiLayout(Path.of("/x/.kroll/pki"));
        assertEquals(Path.of("/x/.kroll/pki/hosts/kafka1.example.com"), layout.hostDir("kafka1.example.com"));
        assertThrows(IllegalArgumentException.class, () -> layout.hostDir("../ca"));
        assertThrows(IllegalArgumentException.class, () -> layout.clientDir("a/b"));
    }
}
