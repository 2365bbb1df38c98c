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
        assertTrue(UploadScripts.attributesMatch(f, "600 kafka kafka"));
        assertFalse(UploadScripts.attributesMatch(f, "644 kafka kafka"));
        assertFalse(UploadScripts.attributesMatch(f, "600 root root"));
        assertTrue(UploadScripts.attributesMatch(FileUpload.plain("/x", new byte[0]), "644 root root"));
    }

    @Test
    void theProbeOutputIsReadPerTargetAndAbsentTargetsAreMissing() {
        String sha = "a".repeat(64);
        var found = UploadScripts.parseProbe(sha + "  /etc/kafka/my server.properties\n644 root root /etc/kafka/my server.properties\n");
        assertEquals(new UploadScripts.Found(sha, "644 root root"), found.get("/etc/kafka/my server.properties"));
        assertFalse(found.containsKey("/etc/kafka/zoo.cfg"));
    }

    @Test
    void theInstallStepChecksEveryChecksumBeforeTheFirstRename() {
        FileUpload a = FileUpload.config("/etc/kafka/server.properties", "a".getBytes(), "kafka");
        FileUpload b = FileUpload.secret("/etc/kafka/ssl/ks.p12", "b".getBytes(), "kafka");
        String s = UploadScripts.install(java.util.List.of(new UploadScripts.Staged(a, "/etc/kafka/.t1"),
                new UploadScripts.Staged(b, "/etc/kafka/ssl/.t2")), java.util.List.of());
        assertTrue(s.contains(a.sha256() + "  /etc/kafka/.t1\n" + b.sha256() + "  /etc/kafka/ssl/.t2\n"), s);
        assertTrue(s.indexOf("sha256sum") < s.indexOf("mv -f -- /etc/kafka/.t1 /etc/kafka/server.properties"), s);
        assertTrue(s.contains("chown -- kafka: /etc/kafka/.t1 /etc/kafka/ssl/.t2"), s);
        assertTrue(s.contains("server.properties.kroll-prev"), s);
        assertFalse(s.contains("ks.p12.kroll-prev"), "secrets keep no previous copy unless asked");
    }

    @Test
    void pathsThatWouldBreakTheChecksumListAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FileUpload.plain("/etc/a\nb", new byte[0]));
    }
}
