package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.cli.Main;
import dev.kroll.util.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kroll preflight} end to end: real facts gathered over SSH from a MINA host, with a rule made to
 * fail for real (a listener the test opens on the broker's port) and reported with its fix.
 */
class PreflightIT {

    private static final String ADDRESS = "127.0.0.45";

    @TempDir
    Path tmp;

    SshTestBed bed;
    TestSshServer server;
    Path inventory;
    String savedHome;

    @BeforeEach
    void setUp() throws Exception {
        savedHome = System.getProperty("user.home");
        System.setProperty("user.home", Files.createDirectories(tmp.resolve("home")).toString());
        bed = new SshTestBed(tmp.resolve("client"));
        server = bed.server(ADDRESS).start();
        Path logDir = Files.createDirectories(tmp.resolve("data/kafka-logs"));
        inventory = tmp.resolve("cluster.yaml");
        // advertise by address: the test host's name resolves nowhere, and must not be looked up
        Files.writeString(inventory, "cluster: {name: preflight-test, advertise: address}\n"
                + "ssh: {user: " + System.getProperty("user.name") + ", key: " + bed.keyFile + "}\n"
                + "paths: {log_dirs: [" + logDir + "], service_user: " + System.getProperty("user.name") + "}\n"
                + "hosts:\n  - {name: kafka1.example.com, address: " + ADDRESS + ", roles: [kafka, zookeeper], ssh: {port: " + server.port() + "}}\n");
        // the host key as an earlier 'kroll facts --accept-new-host-keys' would have recorded it
        new KnownHosts(null, tmp.resolve(".kroll/known_hosts")).record(java.util.List.of("kafka1.example.com", ADDRESS), server.port(),
                server.hostKey().getPublic());
    }

    @AfterEach
    void tearDown() throws Exception {
        System.setProperty("user.home", savedHome);
        server.close();
    }

    @Test
    void aPortTakenOnTheHostIsReportedAsAnErrorWithItsFixAndRefusesWithExit3() throws Exception {
        try (ServerSocket taken = new ServerSocket(9092, 1, InetAddress.getByName(ADDRESS))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.execute(new String[] {"preflight", "-i", inventory.toString()}, new PrintWriter(out), new PrintWriter(err));
            assertEquals(ExitCode.GATE_REFUSED, exit, out + "\n" + err);
            assertTrue(out.toString().contains("error: kafka1.example.com: port 9092 (Kafka PLAINTEXT) on " + ADDRESS
                    + " is taken by a process listening on " + ADDRESS + ":9092 — stop the process that holds it"), out.toString());
            assertTrue(out.toString().contains("1 hosts checked: 1 error"), out.toString());
        }
    }

    @Test
    void withThePortFreeTheSameHostPassesTheErrorRules() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(new String[] {"preflight", "-i", inventory.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertTrue(!out.toString().contains("port 9092"), out.toString());
        // this machine's own swap, limits and disks decide the warnings; no error may come from the port rule
        assertTrue(exit == ExitCode.OK || out.toString().contains("error:"), out + "\n" + err);
        assertTrue(Files.exists(inventory.resolveSibling(".kroll/facts.json")), "facts are saved for planning");
    }
}
