package dev.kroll.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaDistributionTest {

    @Test
    void theFirstDirectoryHoldingTheTarballWins(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(b.resolve("kafka_2.13-3.9.1.tgz"), "x");

        KafkaDistribution d = KafkaDistribution.locate(List.of(a, b), "3.9.1");

        assertEquals(b.resolve("kafka_2.13-3.9.1.tgz"), d.tarball());
        assertEquals("kafka_2.13-3.9.1", d.directoryName());
    }

    @Test
    void aMissingTarballSaysHowToBuildIt(@TempDir Path tmp) {
        KrollException e = assertThrows(KrollException.class, () -> KafkaDistribution.locate(List.of(tmp), "3.9.1"));

        assertEquals(ExitCode.FAILURE, e.exitCode());
        assertTrue(e.getMessage().contains("kafka_2.13-3.9.1.tgz"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -B package -DskipTests"), e.getMessage());
    }
}
