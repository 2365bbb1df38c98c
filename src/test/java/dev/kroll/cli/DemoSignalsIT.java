package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.KrollYaml;
import dev.kroll.sandbox.KafkaDistribution;
import dev.kroll.sandbox.SandboxLayout;
import dev.kroll.sandbox.SandboxProcesses;
import dev.kroll.sandbox.bootstrap.SandboxBringUp;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kroll demo} as a real process, with ZooKeeper and Kafka running on its hosts: Ctrl-C (SIGINT) and a
 * closed terminal (SIGHUP) stop every process it started, and after a SIGKILL {@code kroll demo stop}
 * cleans up what was left. The hosts keep their SSH host keys across the three restarts of the sandbox.
 */
class DemoSignalsIT {

    @TempDir
    Path tmp;

    @Test
    void ctrlCAndTerminalCloseStopEverythingAndDemoStopCleansUpAfterAKill() throws Exception {
        Path root = tmp.resolve("sandbox");
        SandboxLayout layout = new SandboxLayout(root);

        Process first = startDemoWithCluster(root, "1");
        String hostKeys = Files.readString(layout.knownHosts());
        signal(first, "INT");
        assertNothingLeft(first, layout, "after SIGINT");

        Process second = startDemoWithCluster(root, "2");
        assertEquals(hostKeys, Files.readString(layout.knownHosts()), "the hosts keep their keys across restarts");
        signal(second, "HUP");
        assertNothingLeft(second, layout, "after SIGHUP");

        Process third = startDemoWithCluster(root, "3");
        signal(third, "KILL");
        assertTrue(third.waitFor(60, TimeUnit.SECONDS));
        StringWriter out = new StringWriter();
        int stop = Main.execute(new String[] {"demo", "stop", "--dir", root.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertEquals(0, stop, out.toString());
        assertNothingLeft(third, layout, "after SIGKILL and 'kroll demo stop'");
        assertTrue(Files.notExists(layout.ownerPidFile()), "the dead demo's pid file is cleaned up");
    }

    /** Starts {@code kroll demo} in a child JVM and brings ZooKeeper and the brokers up on its hosts over SSH. */
    private static Process startDemoWithCluster(Path root, String run) throws Exception {
        Path log = root.resolveSibling("demo-" + run + ".out");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dkroll.log.dir=" + root.resolveSibling("log-" + run),
                Main.class.getName(), "demo", "--dir", root.toString(), "--slot", "auto")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains("sandbox running")) && p.isAlive() && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        assertTrue(Files.readString(log).contains("sandbox running"), Files.readString(log));
        SandboxBringUp.run(KrollYaml.load(root.resolve("cluster.yaml")), KafkaDistribution.locate(), line -> { });
        List<ProcessHandle> services = SandboxProcesses.strays(new SandboxLayout(root));
        assertTrue(services.size() >= 6, "3 ZooKeepers and 3 brokers run: " + describe(services));
        return p;
    }

    private static void signal(Process p, String signal) throws IOException, InterruptedException {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).inheritIO().start().waitFor());
    }

    private static void assertNothingLeft(Process demo, SandboxLayout layout, String when) throws InterruptedException {
        assertTrue(demo.waitFor(3, TimeUnit.MINUTES), "the demo ended " + when);
        assertEquals("", describe(SandboxProcesses.strays(layout)), "processes of the sandbox " + when);
        assertEquals(List.of(), ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains(layout.root().toString()))
                .map(h -> h.pid() + " " + h.info().commandLine().orElse("")).toList(), "no process names the sandbox " + when);
    }

    private static String describe(List<ProcessHandle> ps) {
        return ps.stream().map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).collect(Collectors.joining("; "));
    }
}
