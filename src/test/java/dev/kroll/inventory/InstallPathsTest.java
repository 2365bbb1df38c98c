package dev.kroll.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstallPathsTest {

    @Test
    void relativePathsResolveAgainstTheLoginDirectoryAndAbsoluteOnesStay() {
        InstallPaths p = new InstallPaths("opt/kafka", "/etc/kafka", "etc/kafka/ssl", "var/lib/zookeeper",
                List.of("srv/kafka-logs", "/data/kafka"), "var/log/kafka", "kafka");

        InstallPaths r = p.resolvedAgainst("/home/h1/");

        assertEquals(new InstallPaths("/home/h1/opt/kafka", "/etc/kafka", "/home/h1/etc/kafka/ssl", "/home/h1/var/lib/zookeeper",
                List.of("/home/h1/srv/kafka-logs", "/data/kafka"), "/home/h1/var/log/kafka", "kafka"), r);
        assertTrue(p.hasRelative());
        assertFalse(r.hasRelative());
    }

    @Test
    void theDefaultsAreAbsolute() {
        assertFalse(InstallPaths.DEFAULT.hasRelative());
        assertEquals(InstallPaths.DEFAULT, InstallPaths.DEFAULT.resolvedAgainst("/home/x"));
    }
}
