package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Role;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.local.LocalCluster;
import dev.kroll.rollout.local.LocalClusterSecrets;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kroll run} and {@code kroll resume} end to end through the command line, on a local cluster. */
class RunCommandTest {

    @TempDir
    Path root;
    LocalCluster cluster;
    Path inv;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void localBackend() throws IOException {
        System.setProperty(Backends.PROPERTY, "local");
        cluster = LocalCluster.threeHosts(root);
        inv = root.resolve("cluster.yaml");
        Files.createDirectories(root.resolve("playbooks"));
        Files.writeString(root.resolve("playbooks/setup.yaml"), """
                steps:
                  - preflight:
                  - render:
                  - start-zookeeper-ensemble:
                  - wait-quorum:
                  - start-brokers:
                """);
    }

    @AfterEach
    void clear() {
        System.clearProperty(Backends.PROPERTY);
    }

    private Result kroll(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private Result setUp() {
        Result r = kroll("run", "setup", "-i", inv.toString(), "--yes", "--poll", "20ms");
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void anAcceptanceThatMatchesNoFindingIsWarnedAndATypoInOneIsBadInput() {
        Result r = kroll("run", "setup", "-i", inv.toString(), "--yes", "--poll", "20ms", "--accept", "clock");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("    warning: accepted preflight check 'clock' matched no finding — remove the acceptance if the cause is gone\n"),
                r.out());

        Result typo = kroll("run", "setup", "-i", inv.toString(), "--yes", "--accept", "nofle@" + dev.kroll.inventory.KrollYaml.load(inv).hosts().get(0).name());
        assertEquals(2, typo.code());
        assertEquals("kroll: --accept nofle@" + dev.kroll.inventory.KrollYaml.load(inv).hosts().get(0).name() + ": unknown preflight check 'nofle'; did you mean 'nofile'?\n",
                typo.err());
    }

    @Test
    void withoutATerminalAndWithoutYesNothingRunsAndTheMessageNamesYes() throws IOException {
        Result r = kroll("run", "ssl-migration", "-i", inv.toString());
        assertEquals(2, r.code());
        assertEquals("kroll: kroll run ssl-migration would overwrite files and start or restart services (steps 2, 3, 4, 5);"
                + " stdin is not a terminal, so nobody can confirm — pass --yes to go ahead\n", r.err());
        assertEquals(List.of(), cluster.events());
        assertFalse(Files.exists(cluster.inventory().stateDir().resolve("journal")));
    }

    @Test
    void theRunPrintsOneLinePerEventIncludingWhyAGateWaits() {
        Result setup = setUp();
        assertTrue(setup.out().contains("[1/5] preflight\n"), setup.out());
        Result r = kroll("run", "ssl-migration", "-i", inv.toString(), "--yes", "--poll", "20ms");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[3/6] Roll 1/3: add the SSL listener (clients must present a certificate)\n"), r.out());
        assertTrue(r.out().contains("    kafka2: stopping kafka (controlled shutdown)\n"), r.out());
        assertTrue(r.out().contains("    kafka2: waiting: broker 2 (kafka2) is not registered yet\n"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("    kafka2: roll:ssl-only changed — restarted with 1 changed file")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("run \\S+-ssl-migration succeeded: ssl-migration finished: 6 steps")), r.out());
        assertEquals("", r.err());
    }

    @Test
    void dryRunShowsUnifiedDiffsAgainstTheHostsFilesAndEveryRestartAndChangesNothing() throws Exception {
        setUp();
        assertEquals(0, kroll("run", writeCerts(), "-i", inv.toString(), "--yes").code());
        String before = fingerprint(root.resolve("hosts"));
        List<String> eventsBefore = cluster.events();
        long journals = journalCount();

        Result r = kroll("run", "ssl-migration", "-i", inv.toString(), "--dry-run");

        assertEquals(0, r.code(), r.err());
        String out = r.out();
        assertTrue(out.contains("""
                    kafka1: would change /etc/kafka/server.properties
                      --- kafka1:/etc/kafka/server.properties
                      +++ kafka1:/etc/kafka/server.properties
                      @@ -1,5 +1,8 @@
                      -# kroll-phase: plaintext
                      +# kroll-phase: ssl-added
                       broker.id=1
                      -listeners=PLAINTEXT://127.0.0.11:9092
                      +listeners=PLAINTEXT://127.0.0.11:9092,SSL://127.0.0.11:9093
                       inter.broker.listener.name=PLAINTEXT
                      +ssl.client.auth=required
                      +ssl.enabled.protocols=TLSv1.3,TLSv1.2
                      +ssl.keystore.location=/etc/kafka/ssl/server.keystore.p12
                """), out);
        // the second roll is diffed against what the first would leave
        assertTrue(out.contains("""
                      -inter.broker.listener.name=PLAINTEXT
                      +inter.broker.listener.name=SSL
                """), out);
        assertTrue(out.contains("    kafka3: would create /etc/kafka/ssl/store-password (secret: content not shown)\n"), out);
        assertFalse(out.contains(LocalClusterSecrets.password(cluster, "kafka3")), "a secret was printed");
        assertEquals(9, out.lines().filter(l -> l.matches("    kafka\\d: would restart kafka — roll to .*")).count(), out);
        assertTrue(out.endsWith("summary: 18 file changes on 3 hosts, 9 restarts, 0 starts\n"), out);
        // nothing changed: files, services, journal
        assertEquals(before, fingerprint(root.resolve("hosts")));
        assertEquals(eventsBefore, cluster.events());
        assertEquals(journals, journalCount());
    }

    @Test
    void rollingRestartRefusesWithExit3WhenABrokerIsStopped() throws IOException {
        setUp();
        cluster.stopService("kafka2", Role.KAFKA);
        Result r = kroll("run", "rolling-restart", "-i", inv.toString(), "--yes", "--poll", "20ms");
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("kroll: step 1 (Restart the brokers, active controller last): cluster ready to roll refused:"
                + " broker 2 (kafka2) is not registered (nothing has been changed)\n"), r.err());
        assertTrue(r.err().contains("'kroll resume -i " + inv + "' continues run "), r.err());
    }

    @Test
    void resumeContinuesTheLatestRunAndListsRuns() throws IOException {
        setUp();
        cluster.poison("kafka3", "ssl-added");
        Result failed = kroll("run", "ssl-migration", "-i", inv.toString(), "--yes", "--poll", "20ms");
        assertEquals(1, failed.code());
        assertTrue(failed.err().contains("kafka3: broker 3 did not come back healthy with the ssl-added configuration"), failed.err());
        cluster.cure("kafka3");

        Result resumed = kroll("resume", "-i", inv.toString(), "--yes", "--poll", "20ms");

        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().startsWith("resuming run "), resumed.out());
        assertTrue(resumed.out().contains("[1] Issue certificates (valid ones are kept) (done in an earlier attempt)"), resumed.out());
        Result list = kroll("resume", "--list", "-i", inv.toString());
        assertEquals(0, list.code());
        assertTrue(list.out().lines().anyMatch(l -> l.contains("ssl-migration") && l.contains("succeeded") && l.contains(" 2 ")), list.out());
        assertEquals(2, kroll("resume", "-i", inv.toString(), "--yes").code(), "nothing left to resume");
    }

    @Test
    void badPlaybookNamesAndParametersAreBadInput() {
        Result r = kroll("run", "rolling-restrat", "-i", inv.toString(), "--yes");
        assertEquals(2, r.code());
        assertEquals("kroll: no playbook 'rolling-restrat' — did you mean 'rolling-restart'?\n", r.err());
        Result p = kroll("run", "rolling-restart", "-i", inv.toString(), "--yes", "--param", "restart-zookeper=true");
        assertEquals(2, p.code());
        assertTrue(p.err().startsWith("error: playbook rolling-restart has no parameter 'restart-zookeper' — did you mean 'restart-zookeeper'?"), p.err());
        Result missing = kroll("run", "first-time-setup", "-i", inv.toString(), "--yes");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: playbook first-time-setup needs --param kafka-distribution=…"), missing.err());
    }

    @Test
    void anUnknownBackendIsNamedWithTheAvailableOnes() {
        System.setProperty(Backends.PROPERTY, "nope");
        Result r = kroll("run", "rolling-restart", "-i", inv.toString(), "--yes");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("kroll: no backend 'nope' (-Dkroll.backend); available: "), r.err());
        assertTrue(r.err().contains("ssh") && r.err().contains("local"), r.err());
    }

    private String writeCerts() throws IOException {
        Path p = root.resolve("playbooks/certs.yaml");
        Files.writeString(p, "steps:\n  - issue-certs:\n");
        return "certs";
    }

    private long journalCount() throws IOException {
        try (Stream<Path> s = Files.list(cluster.inventory().stateDir().resolve("journal"))) {
            return s.filter(p -> p.toString().endsWith(".json")).count();
        }
    }

    private static String fingerprint(Path dir) throws Exception {
        TreeMap<String, String> all = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                all.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return all.toString();
    }
}
