package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line through {@link Main#execute}: exit codes, one-line errors, help, and safe output files. */
class MainTest {

    static final String INI = """
            [zookeeper]
            zk[1:3].example.com

            [kafka_broker]
            kafka1.example.com ansible_host=10.0.1.11 broker_id=1
            """;

    @TempDir
    Path dir;

    private static BadInventoryCorpusTest.Run run(String... args) {
        return BadInventoryCorpusTest.run(args);
    }

    @Test
    void javaUtilLoggingOfTheJdksLibrariesGoesToTheLogNotTheTerminal() {
        assertEquals(0, run("--version").exit());

        java.util.logging.Handler[] root = java.util.logging.Logger.getLogger("").getHandlers();
        assertTrue(Stream.of(root).noneMatch(h -> h instanceof java.util.logging.ConsoleHandler), List.of(root).toString());
        assertTrue(org.slf4j.bridge.SLF4JBridgeHandler.isInstalled(), "JMX's RMI client warnings reach kroll's log file");
    }

    @Test
    void helpAndVersionExitZero() {
        BadInventoryCorpusTest.Run help = run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("Usage: kroll"), help.out());
        assertTrue(help.out().contains("inventory"));
        BadInventoryCorpusTest.Run version = run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("kroll "), version.out());
        BadInventoryCorpusTest.Run importHelp = run("inventory", "import", "--help");
        assertEquals(0, importHelp.exit());
        assertTrue(importHelp.out().contains("--zookeeper-query"), importHelp.out());
        assertTrue(importHelp.out().contains("yaml (kroll's own), csv, hosts"), importHelp.out());
    }

    @Test
    void usageErrorsExitTwoAndPointAtHelp() {
        for (String[] args : List.of(new String[] {"inventory", "import", "x.csv"}, new String[] {"inventory", "import", "--from", "excel", "x"},
                new String[] {"inventory", "check", "--frobnicate"}, new String[] {"nosuchcommand"})) {
            BadInventoryCorpusTest.Run r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args));
            List<String> lines = r.err().lines().toList();
            assertTrue(lines.get(0).startsWith("kroll: "), r.err());
            assertTrue(lines.get(lines.size() - 1).startsWith("See 'kroll"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aMissingInventoryIsOneLineWithoutStackTrace() {
        BadInventoryCorpusTest.Run r = run("inventory", "check", "-i", dir.resolve("cluster.yaml").toString());
        assertEquals(2, r.exit());
        assertEquals(List.of("kroll: " + dir.resolve("cluster.yaml") + ": file not found — check the path, or create it with 'kroll inventory import'"),
                r.err().lines().toList());
    }

    @Test
    void anUnreachablePuppetDbIsOneLineAndDebugAddsTheTrace() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        BadInventoryCorpusTest.Run plain = run("inventory", "import", "--from", "puppetdb", url);
        assertEquals(2, plain.exit());
        List<String> lines = plain.err().lines().toList();
        assertEquals(1, lines.size(), plain.err());
        assertTrue(lines.get(0).startsWith("kroll: PuppetDB at " + url + ": cannot connect"), lines.get(0));

        BadInventoryCorpusTest.Run debug = run("--debug", "inventory", "import", "--from", "puppetdb", url);
        assertEquals(2, debug.exit());
        assertEquals(lines.get(0), debug.err().lines().findFirst().orElseThrow());
        assertTrue(debug.err().contains("Caused by: java.net.ConnectException"), debug.err());
        assertTrue(debug.err().lines().anyMatch(l -> l.startsWith("\tat ")), debug.err());
    }

    @Test
    void importPrintsTheInventoryAndCheckAcceptsIt() throws IOException {
        Path ini = Files.writeString(dir.resolve("orders.ini"), INI);
        Path out = dir.resolve("cluster.yaml");
        BadInventoryCorpusTest.Run imported = run("inventory", "import", "--from", "ansible", ini.toString(), "-o", out.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals("", imported.out());
        assertTrue(imported.err().endsWith("wrote " + out + ": 4 hosts; next: kroll inventory check -i " + out + System.lineSeparator()),
                imported.err());
        String yaml = Files.readString(out);
        assertTrue(yaml.contains("  name: orders\n"), yaml);
        assertTrue(yaml.contains("    roles: [zookeeper]\n"), yaml);

        BadInventoryCorpusTest.Run check = run("inventory", "check", "-i", out.toString());
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.out().contains("kafka1.example.com  10.0.1.11"), check.out());
        assertTrue(check.out().contains("ZooKeeper ensemble: 3 members, tolerates 1 down; brokers: 1"), check.out());
        assertTrue(check.out().endsWith("inventory ok" + System.lineSeparator()), check.out());

        BadInventoryCorpusTest.Run toStdout = run("inventory", "import", "--from", "yaml", out.toString());
        assertEquals(0, toStdout.exit());
        assertEquals(yaml, toStdout.out(), "importing kroll's own output changes nothing");
    }

    @Test
    void anExistingOutputIsReplacedOnlyWithForce() throws IOException {
        Path ini = Files.writeString(dir.resolve("orders.ini"), INI);
        Path out = Files.writeString(dir.resolve("cluster.yaml"), "# mine\n");
        BadInventoryCorpusTest.Run refused = run("inventory", "import", "--from", "ansible", ini.toString(), "-o", out.toString());
        assertEquals(2, refused.exit());
        assertEquals(List.of("kroll: " + out + " already exists — choose another file, or add --force to replace it"), refused.err().lines().toList());
        assertEquals("# mine\n", Files.readString(out));

        BadInventoryCorpusTest.Run forced = run("inventory", "import", "--from", "ansible", ini.toString(), "-o", out.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(Files.readString(out).startsWith("# kroll inventory"));
    }

    @Test
    void aFailedImportLeavesNoFileBehindAndKeepsTheOldOne() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.ini"), "[zookeeper]\nzk1.example.com myid=0\n[kafka_broker]\nk.example.com\n");
        Path out = dir.resolve("out").resolve("cluster.yaml");
        BadInventoryCorpusTest.Run failed = run("inventory", "import", "--from", "ansible", bad.toString(), "-o", out.toString());
        assertEquals(2, failed.exit());
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of("bad.ini"), left.map(p -> p.getFileName().toString()).toList(), "no temporary file either");
        }

        Path old = Files.writeString(dir.resolve("cluster.yaml"), "# mine\n");
        BadInventoryCorpusTest.Run forced = run("inventory", "import", "--from", "ansible", bad.toString(), "-o", old.toString(), "--force");
        assertEquals(2, forced.exit());
        assertEquals("# mine\n", Files.readString(old));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count());
        }
    }

    @Test
    void theImportExamplesInTheDocsImportCleanly() throws IOException {
        Path csv = Files.writeString(dir.resolve("hosts.csv"), dev.kroll.inventory.InventoryDocTest.block("### csv", "csv"));
        Path hosts = Files.writeString(dir.resolve("hosts.txt"), dev.kroll.inventory.InventoryDocTest.block("### hosts", "text"));
        Path ini = Files.writeString(dir.resolve("inventory.ini"), dev.kroll.inventory.InventoryDocTest.block("### ansible", "ini"));
        for (String[] args : List.of(new String[] {"csv", csv.toString()}, new String[] {"hosts", hosts.toString()},
                new String[] {"ansible", ini.toString()})) {
            BadInventoryCorpusTest.Run r = run("inventory", "import", "--from", args[0], args[1], "--cluster", "orders-prod");
            assertEquals(0, r.exit(), args[0] + ": " + r.err());
            assertTrue(r.err().lines().noneMatch(l -> l.contains("error:")), r.err());
            assertTrue(r.out().contains("name: orders-prod"), r.out());
        }
    }
}
