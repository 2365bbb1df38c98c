package dev.kroll.bench;

import dev.kroll.inventory.Host;
import dev.kroll.remote.AtomicUploader;
import dev.kroll.remote.FanOut;
import dev.kroll.remote.FanOutListener;
import dev.kroll.remote.FileUpload;
import dev.kroll.remote.HostResult;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshSessions;
import dev.kroll.remote.SshTestBed;
import dev.kroll.remote.TestSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distributing three files (1 KiB, 64 KiB, 1 MiB) to 1, 10 and 50 hosts with the default fan-out (16 at a
 * time): cold (connect + upload), warm (connections reused, new content) and unchanged (checksums equal, no
 * transfer). Hosts are embedded MINA servers on 127.0.2.x in this JVM, so they share the CPU with the client.
 */
@Tag("benchmark")
class SshDistributionBench {

    static final int[] SIZES = {1024, 64 * 1024, 1024 * 1024};
    static final int[] HOSTS = {1, 10, 50};
    static final int ROUNDS = 3;

    @TempDir
    Path tmp;

    /** The three files of every host for one round, made before the clock starts. */
    private java.util.Map<String, List<FileUpload>> files(List<Host> hosts, long seed) {
        List<byte[]> contents = new ArrayList<>();
        for (int size : SIZES) {
            byte[] b = new byte[size];
            new Random(seed * 31 + size).nextBytes(b);
            contents.add(b);
        }
        java.util.Map<String, List<FileUpload>> out = new java.util.HashMap<>();
        for (Host h : hosts) {
            List<FileUpload> files = new ArrayList<>();
            for (int i = 0; i < SIZES.length; i++) {
                files.add(FileUpload.config(tmp.resolve(h.name() + "/file-" + SIZES[i]).toString(), contents.get(i), null));
            }
            out.put(h.name(), files);
        }
        return out;
    }

    private long run(SshSessions sessions, List<Host> hosts, long seed) {
        java.util.Map<String, List<FileUpload>> files = files(hosts, seed);
        long start = System.nanoTime();
        List<HostResult<Void>> results = new FanOut(sessions).run(hosts,
                ctx -> AtomicUploader.uploadAll(ctx.session(), files.get(ctx.host().name()), ctx), FanOutListener.NONE);
        long took = System.nanoTime() - start;
        for (HostResult<Void> r : results) {
            if (r.failed()) {
                throw new AssertionError(r.line());
            }
        }
        return took;
    }

    private static double medianMs(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    @Test
    void distributeThreeFilesToOneTenAndFiftyHosts() throws Exception {
        SshTestBed bed = new SshTestBed(tmp.resolve("client"));
        List<TestSshServer> servers = new ArrayList<>();
        List<Host> all = new ArrayList<>();
        try {
            for (int i = 1; i <= 50; i++) {
                TestSshServer s = bed.server("127.0.2." + i).start();
                servers.add(s);
                bed.trust("host" + i, s);
                all.add(bed.host("host" + i, s));
                Files.createDirectories(tmp.resolve("host" + i));
            }
            long seed = 1;
            try (SshSessions warmup = new SshSessions(bed.options(NewHostKeyPolicy.REFUSE))) {
                run(warmup, all, seed++);   // JIT and file system warm-up, not measured
            }
            StringBuilder md = new StringBuilder("| hosts | cold: connect + upload (ms) | × 1 host | warm: new content (ms) | × 1 host "
                    + "| unchanged (ms) | × 1 host |\n|---:|---:|---:|---:|---:|---:|---:|\n");
            String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
            double[] base = null;
            double[] fifty = null;
            for (int n : HOSTS) {
                List<Host> hosts = all.subList(0, n);
                long[] cold = new long[ROUNDS];
                long[] warm = new long[ROUNDS];
                long[] same = new long[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    try (SshSessions sessions = new SshSessions(bed.options(NewHostKeyPolicy.REFUSE))) {
                        cold[r] = run(sessions, hosts, seed++);
                        long s = seed++;
                        warm[r] = run(sessions, hosts, s);
                        same[r] = run(sessions, hosts, s);
                    }
                }
                double[] m = {medianMs(cold), medianMs(warm), medianMs(same)};
                if (base == null) {
                    base = m;
                }
                fifty = m;
                md.append(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.0f | %.1f | %.0f | %.1f |%n", n,
                        m[0], m[0] / base[0], m[1], m[1] / base[1], m[2], m[2] / base[2]));
            }
            md.append(String.format(Locale.ROOT, "%nTarget (50 hosts under 3× one host): %s — %.1f× cold, %.1f× warm.%n",
                    fifty[0] / base[0] < 3 && fifty[1] / base[1] < 3 ? "met" : "not met on this machine",
                    fifty[0] / base[0], fifty[1] / base[1]));
            md.append("\nThree files per host (1 KiB, 64 KiB, 1 MiB = 1.06 MiB), `FanOut` default concurrency 16, median of ")
                    .append(ROUNDS).append(" rounds. Each upload: one probe command, SFTP transfer of changed files to 0600 temp")
                    .append(" files, one install command (remote sha256sum, chmod, keep `.kroll-prev`, rename). ")
                    .append("Target: 50 hosts in under 3× the time of one. All 50 servers run inside the benchmark JVM on the")
                    .append(" same cores as the client, so the server side work (shell, sha256sum, SFTP writes) that real hosts do")
                    .append(" in parallel on their own CPUs is serialized here: the ratios are an upper bound. ")
                    .append("Load average (/proc/loadavg) before: `").append(loadBefore).append("`, after: `")
                    .append(Files.readString(Path.of("/proc/loadavg")).trim()).append("`.\n");
            BenchReport.write("ssh", "SSH distribution (dev.kroll.remote)", md.toString());
            System.out.println(md);
        } finally {
            for (TestSshServer s : servers) {
                s.close();
            }
        }
    }
}
