package dev.kroll.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a JVM saving the registry in a loop is killed with SIGKILL in the middle of its
 * writes. Whatever moment it died at, the file must hold one complete registry.
 */
class IdRegistryCrashIT {

    @TempDir
    Path dir;

    @Test
    void aProcessKilledWhileSavingLeavesACompleteRegistry() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), RegistryWriter.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        int saved = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && saved < 300; line = out.readLine()) {
                saved = Integer.parseInt(line.trim());
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the writer did not die");
        } finally {
            child.destroyForcibly();
        }
        assertTrue(saved >= 300, "the writer stopped early after " + saved + " saves");
        IdRegistry registry = new IdRegistryStore(dir).load("crash");
        int hosts = registry.broker().assigned().size();
        assertTrue(hosts >= saved, "the file lost saves: " + hosts + " < " + saved);
        for (int i = 1; i <= hosts; i++) {
            assertEquals(i, registry.broker().of(String.format("kafka%06d.example.com", i)).orElseThrow());
        }
    }
}
