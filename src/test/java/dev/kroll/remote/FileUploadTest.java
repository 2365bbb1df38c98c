package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileUploadTest {

    @Test
    void aSecretCanNeverBeGroupOrWorldReadable() {
        assertThrows(IllegalArgumentException.class, () -> new FileUpload("/etc/kafka/ssl/ks.p12", new byte[0], "640", "kafka", null, true, false));
        assertEquals("600", FileUpload.secret("/etc/kafka/ssl/ks.p12", new byte[0], "kafka").mode());
    }

    @Test
    void tempFilesLiveBesideTheTargetAndAreHidden() {
        FileUpload f = FileUpload.config("/etc/kafka/server.properties", new byte[0], null);
        assertEquals("/etc/kafka", f.directory());
        assertEquals("/etc/kafka/.server.properties.kroll-tmp-", f.tempPrefix());
    }

    @Test
    void attributesMatchComparesModeOwnerAndGroupAsStatPrintsThem() {
        FileUpload f = FileUpload.secret("/etc/kafka/ssl/ks.p12", new byte[0], "kafka");
        assertTrue(AtomicUploader.attributesMatch(f, "600 kafka kafka"));
        assertFalse(AtomicUploader.attributesMatch(f, "644 kafka kafka"));
        assertFalse(AtomicUploader.attributesMatch(f, "600 root root"));
        assertTrue(AtomicUploader.attributesMatch(FileUpload.plain("/x", new byte[0]), "644 root root"));
    }

    @Test
    void theInstallStepChecksTheChecksumBeforeRenaming() {
        FileUpload f = FileUpload.config("/etc/kafka/server.properties", "a".getBytes(), "kafka");
        String s = AtomicUploader.installScript(f, "/etc/kafka/.server.properties.kroll-tmp-1", f.sha256());
        assertTrue(s.indexOf("sha256sum") < s.indexOf("mv -f -- /etc/kafka/.server.properties.kroll-tmp-1 /etc/kafka/server.properties"));
        assertTrue(s.contains("server.properties.kroll-prev"));
    }
}
