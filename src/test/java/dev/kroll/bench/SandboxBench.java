package dev.kroll.bench;

import dev.kroll.inventory.Role;
import dev.kroll.sandbox.KafkaDistribution;
import dev.kroll.sandbox.Sandbox;
import dev.kroll.sandbox.SandboxProcesses;
import dev.kroll.sandbox.bootstrap.SandboxBringUp;
import dev.kroll.sandbox.junit.SandboxCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start time and memory of a 3-host sandbox: SSH hosts up, distribution installed, ZooKeeper quorum,
 * brokers registered (the interim bring-up), then the resident memory of each process and the stop time.
 */
@Tag("benchmark")
class SandboxBench {

    @TempDir
    Path tmp;

    @Test
    void threeHostSandbox() throws Exception {
        KafkaDistribution dist = KafkaDistribution.locate();
        Map<String, Double> marks = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        Sandbox sandbox = Sandbox.start(new Sandbox.Spec(tmp.resolve("sb"), 3, null));
        List<String> rss = new ArrayList<>();
        long totalKib = 0;
        try {
            marks.put("3 SSH hosts up, inventory written", seconds(t0));
            SandboxBringUp.run(sandbox.inventory(), dist, line -> {
                String step = line.substring(line.indexOf(']') + 2);
                marks.put(step.length() > 70 ? step.substring(0, 70) + "…" : step, seconds(t0));
            });
            for (Path pidFile : SandboxProcesses.pidFiles(sandbox.layout())) {
                String name = pidFile.getFileName().toString().replace(".pid", "");
                if (name.endsWith("watchdog")) {
                    continue;
                }
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                long kib = SandboxCluster.rssKib(pid);
                totalKib += kib;
                rss.add("| " + name + " on " + pidFile.getParent().getParent().getParent().getFileName() + " | " + kib / 1024 + " MiB |");
            }
        } finally {
            long s = System.nanoTime();
            sandbox.close();
            marks.put("stop (" + Role.KAFKA + " then " + Role.ZOOKEEPER + "), from close()", (System.nanoTime() - s) / 1e9);
        }
        long ownerKib = SandboxCluster.rssKib(ProcessHandle.current().pid());

        StringBuilder md = new StringBuilder("Bring-up by `dev.kroll.sandbox.bootstrap` (kroll's planner and SSH layer; interim sequencing), 3 hosts,"
                + " ZooKeeper 128 MB and broker 256 MB heaps. Each row: when that step's line was printed.\n\n");
        md.append("| moment | seconds since start |\n|---|---|\n");
        marks.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(String.format("%.1f", v)).append(" |\n"));
        md.append("\n| process | RSS after bring-up |\n|---|---|\n");
        rss.forEach(r -> md.append(r).append('\n'));
        md.append("| **services total** | **").append(totalKib / 1024).append(" MiB** |\n");
        md.append("| the JVM running the SSH servers (this test JVM, incl. JUnit and clients) | ").append(ownerKib / 1024).append(" MiB |\n");
        BenchReport.write("sandbox", "Sandbox: start time and memory of 3 hosts", md.toString());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
