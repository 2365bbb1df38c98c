package dev.kroll.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service script's process handling, run over SSH as kroll runs it. ZooKeeper's start script is
 * replaced by a stand-in process so that faults a real server does not show on demand (ignoring SIGTERM,
 * dying at once) can be caused; real ZooKeeper and Kafka go through the same script in SandboxClusterIT.
 */
class ServiceScriptTest {

    @TempDir
    Path tmp;

    private Sandbox sandbox;
    private SandboxHost host;
    private SSHClient ssh;

    record Result(int exit, String out) {
    }

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(new Sandbox.Spec(tmp.resolve("sb"), 1, null));
        host = sandbox.hosts().get(0);
        ssh = SandboxHostTest.connect(sandbox, host);
    }

    @AfterEach
    void stop() throws IOException {
        ssh.close();
        sandbox.close();
        assertEquals(java.util.List.of(), SandboxProcesses.strays(sandbox.layout()));
    }

    private void standIn(String body) throws IOException {
        Path bin = Files.createDirectories(host.home().resolve("opt/kafka/bin"));
        Path script = bin.resolve("zookeeper-server-start.sh");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(host.home().resolve("etc/kafka"));
        Files.writeString(host.home().resolve("etc/kafka/zoo.cfg"), "clientPort=2181\n");
    }

    /** A long-running stand-in whose command line names its config (inside the sandbox), like the real server's. */
    private static String runs(String trap) {
        return "exec sh -c '" + trap + " while :; do sleep 1; done' zookeeper-stand-in \"$@\"";
    }

    private Result run(String command) throws IOException {
        try (Session s = ssh.startSession(); Session.Command cmd = s.exec(command)) {
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    + new String(cmd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.join(60, TimeUnit.SECONDS);
            return new Result(cmd.getExitStatus(), out.trim());
        }
    }

    private long pid() throws IOException {
        return Long.parseLong(Files.readString(host.home().resolve(SandboxProcesses.pidFile("zookeeper"))).trim());
    }

    @Test
    void startRunsTheServiceInItsOwnSessionAndStatusFollowsItsPid() throws Exception {
        standIn(runs(""));

        Result started = run(ServiceScript.command("start", "zookeeper"));

        assertEquals(0, started.exit(), started.out());
        long pid = pid();
        assertTrue(started.out().contains("started zookeeper (pid " + pid + ")"), started.out());
        assertTrue(ProcessHandle.of(pid).map(SandboxProcesses::running).orElse(false));
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertEquals(String.valueOf(pid), fields[3], "the service leads its own session");
        assertEquals(0, run(ServiceScript.command("status", "zookeeper")).exit());
        assertEquals(0, run(ServiceScript.command("start", "zookeeper")).exit(), "starting a running service is a no-op");
        assertEquals(pid, pid());

        Result stopped = run(ServiceScript.command("stop", "zookeeper"));

        assertEquals(0, stopped.exit(), stopped.out());
        assertFalse(ProcessHandle.of(pid).map(SandboxProcesses::running).orElse(false));
        assertFalse(Files.exists(host.home().resolve(SandboxProcesses.pidFile("zookeeper"))));
        Result status = run(ServiceScript.command("status", "zookeeper"));
        assertEquals(3, status.exit());
        assertEquals("zookeeper is not running", status.out());
    }

    @Test
    void stopKillsAServiceThatIgnoresSigtermAfterTheTimeout() throws Exception {
        standIn(runs("trap \"\" TERM;"));
        assertEquals(0, run(ServiceScript.command("start", "zookeeper")).exit());
        long pid = pid();

        Result stopped = run("STOP_TIMEOUT=1 " + ServiceScript.command("stop", "zookeeper"));

        assertEquals(0, stopped.exit(), stopped.out());
        assertTrue(stopped.out().contains("did not stop within 1s; killing it"), stopped.out());
        assertFalse(ProcessHandle.of(pid).map(SandboxProcesses::running).orElse(false));
    }

    @Test
    void aServiceThatDiesAtOnceFailsTheStartWithTheEndOfItsOutput() throws Exception {
        standIn("echo 'Address already in use' >&2; exit 1");

        Result started = run(ServiceScript.command("start", "zookeeper"));

        assertEquals(1, started.exit(), started.out());
        assertTrue(started.out().contains("exited right after starting"), started.out());
        assertTrue(started.out().contains("Address already in use"), started.out());
        assertEquals(3, run(ServiceScript.command("status", "zookeeper")).exit());
    }

    @Test
    void startWithoutAnInstalledDistributionSaysSo() throws Exception {
        Result started = run(ServiceScript.command("start", "kafka"));

        assertEquals(1, started.exit());
        assertTrue(started.out().contains("install the Kafka distribution first"), started.out());
    }

    @Test
    void theServiceOutlivesTheSshCommandButNotTheSandboxThatOwnsIt() throws Exception {
        standIn(runs(""));
        Process owner = new ProcessBuilder("sleep", "600").start();
        try {
            assertEquals(0, run("KROLL_SANDBOX_OWNER=" + owner.pid() + " " + ServiceScript.command("start", "zookeeper")).exit());
            long pid = pid();
            ProcessHandle service = ProcessHandle.of(pid).orElseThrow();
            assertTrue(SandboxProcesses.running(service), "still running after the SSH command returned");

            owner.destroyForcibly().waitFor();

            SandboxProcesses.awaitExit(java.util.List.of(service), Duration.ofSeconds(30));
            assertFalse(SandboxProcesses.running(service), "the watchdog stops the service of a sandbox that is gone");
        } finally {
            owner.destroyForcibly();
        }
    }
}
