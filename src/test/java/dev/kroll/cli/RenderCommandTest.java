package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

    @TempDir
    Path dir;

    private Path inventory(String roles) throws Exception {
        Path file = dir.resolve("cluster.yaml");
        StringBuilder sb = new StringBuilder("cluster: {name: lab, advertise: address}\nhosts:\n");
        for (int i = 1; i <= 3; i++) {
            sb.append("  - {name: k").append(i).append(", address: 127.0.0.").append(10 + i).append(", roles: ")
                    .append(i == 3 ? roles : "[zookeeper, kafka]").append(", memory: 4g}\n");
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    private static List<String> list(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void renderWritesEachHostsFilesIntoItsOwnDirectory() throws Exception {
        Path inv = inventory("[zookeeper, kafka]");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", "-i", inv.toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals(List.of("k1", "k2", "k3"), list(out));
        assertEquals(List.of("client-ssl.properties", "kafka.env", "kafka.service", "log4j-zookeeper.properties", "log4j.properties",
                "myid", "server.properties", "zoo.cfg", "zookeeper.env", "zookeeper.service"), list(out.resolve("k2")));
        assertEquals("2\n", Files.readString(out.resolve("k2/myid")));
        assertTrue(Files.readString(out.resolve("k2/server.properties")).contains("listeners=PLAINTEXT://127.0.0.12:9092\n"));
        assertTrue(run.out().contains("rendered 30 files for 3 hosts"), run.out());
    }

    @Test
    void thePhaseOptionChoosesTheListeners() throws Exception {
        Path inv = inventory("[zookeeper, kafka]");
        Path out = dir.resolve("out");
        assertEquals(ExitCode.OK, CliRun.of("render", "-i", inv.toString(), "-o", out.toString(), "--phase", "ssl-only").exit());
        String server = Files.readString(out.resolve("k1/server.properties"));
        assertTrue(server.contains("listeners=SSL://127.0.0.11:9093\n"), server);
        CliRun bad = CliRun.of("render", "-i", inv.toString(), "-o", out.toString(), "--phase", "tls");
        assertEquals(ExitCode.BAD_INPUT, bad.exit());
        assertTrue(bad.err().contains("unknown phase 'tls'"), bad.err());
    }

    @Test
    void aHostThatLosesARoleLosesThatRolesFilesAndKeepsOthers() throws Exception {
        Path inv = inventory("[zookeeper, kafka]");
        Path out = dir.resolve("out");
        assertEquals(ExitCode.OK, CliRun.of("render", "-i", inv.toString(), "-o", out.toString()).exit());
        Files.writeString(out.resolve("k3/NOTES.txt"), "operator's own file");
        inventory("[kafka]");
        CliRun run = CliRun.of("render", "-i", inv.toString(), "-o", out.toString());
        assertEquals(ExitCode.OK, run.exit(), run.err());
        assertEquals(List.of("NOTES.txt", "client-ssl.properties", "kafka.env", "kafka.service", "log4j.properties", "server.properties"),
                list(out.resolve("k3")));
        assertFalse(Files.readString(out.resolve("k1/zoo.cfg")).contains("server.3="));
    }

    @Test
    void aPlanWithErrorsWritesNothing() throws Exception {
        Path inv = dir.resolve("cluster.yaml");
        Files.writeString(inv, "cluster: {name: lab}\nbroker: {num.partitions: many}\nhosts:\n"
                + "  - {name: k1, address: 127.0.0.11, roles: [zookeeper, kafka]}\n");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", "-i", inv.toString(), "-o", out.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit());
        assertTrue(run.err().startsWith(inv + ":2:26: error: num.partitions"), run.err());
        assertFalse(Files.exists(out));
    }
}
