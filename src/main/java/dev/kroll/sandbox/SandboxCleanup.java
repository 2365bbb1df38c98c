package dev.kroll.sandbox;

import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stops what a sandbox started, using only its pid files: the brokers first (so their controlled shutdown
 * still finds ZooKeeper), then ZooKeeper, then the watchdogs. {@link #cleanUp} serves {@code kroll demo
 * stop}: it asks a sandbox that still runs to stop itself, then stops whatever it left behind.
 */
public final class SandboxCleanup {

    static final Duration BROKER_GRACE = Duration.ofSeconds(30);
    static final Duration ZOOKEEPER_GRACE = Duration.ofSeconds(15);
    static final Duration OWNER_GRACE = Duration.ofSeconds(90);

    private SandboxCleanup() {
    }

    /** The live JVM that runs this sandbox's SSH servers, if any (and not this one). */
    public static Optional<ProcessHandle> owner(SandboxLayout layout) {
        Path file = layout.ownerPidFile();
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            Instant written = Files.getLastModifiedTime(file).toInstant();
            return ProcessHandle.of(pid).filter(SandboxProcesses::running).filter(p -> p.pid() != ProcessHandle.current().pid())
                    // a reused pid belongs to a process started after the file was written
                    .filter(p -> p.info().startInstant().map(s -> !s.isAfter(written.plusSeconds(1))).orElse(false))
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void refuseIfRunning(SandboxLayout layout) {
        owner(layout).ifPresent(p -> {
            throw KrollException.failure("a sandbox already runs in " + layout.root() + " (pid " + p.pid()
                    + "); stop it with 'kroll demo stop --dir " + layout.root() + "'", null);
        });
    }

    /** Stops the services of a sandbox whose owner died without stopping them. */
    static void stopLeftovers(SandboxLayout layout, Consumer<String> log) {
        stopServices(layout, log);
    }

    /**
     * For {@code kroll demo stop}: stops the running sandbox (its owner's shutdown hook stops everything),
     * then any service left behind. Returns the number of processes stopped.
     */
    public static int cleanUp(SandboxLayout layout, Consumer<String> log) {
        int stopped = 0;
        Optional<ProcessHandle> owner = owner(layout);
        if (owner.isPresent()) {
            log.accept("stopping the sandbox (pid " + owner.get().pid() + ")");
            SandboxProcesses.terminate(List.of(owner.get()), OWNER_GRACE);
            stopped++;
        }
        stopped += stopServices(layout, log);
        try {
            Files.deleteIfExists(layout.ownerPidFile());
        } catch (IOException e) {
            // harmless: a stale owner pid file is recognised as such
        }
        return stopped;
    }

    /** Stops every process named by the sandbox's pid files and removes the files. Returns how many ran. */
    static int stopServices(SandboxLayout layout, Consumer<String> log) {
        List<Path> files = SandboxProcesses.pidFiles(layout);
        int n = 0;
        // the watchdogs first, quietly: they would only stop the same services
        stop(layout, files, ".watchdog.pid", Duration.ofSeconds(5), line -> { });
        n += stop(layout, files, "kafka.pid", BROKER_GRACE, log);
        n += stop(layout, files, "zookeeper.pid", ZOOKEEPER_GRACE, log);
        n += stop(layout, files, ".pid", Duration.ofSeconds(5), log);
        n += stopStrays(layout, log);
        return n;
    }

    /**
     * Whatever still runs from the sandbox's tree without a pid file (a process caught between its start
     * and its pid file, a helper a service left behind): nothing of the demo may outlive it.
     */
    private static int stopStrays(SandboxLayout layout, Consumer<String> log) {
        List<ProcessHandle> strays = SandboxProcesses.strays(layout).stream().filter(p -> !isAncestor(p)).toList();
        for (ProcessHandle p : strays) {
            log.accept("stopping a leftover process of the sandbox (pid " + p.pid() + ")");
        }
        SandboxProcesses.terminate(strays, Duration.ofSeconds(5));
        return strays.size();
    }

    private static boolean isAncestor(ProcessHandle p) {
        for (Optional<ProcessHandle> a = ProcessHandle.current().parent(); a.isPresent(); a = a.get().parent()) {
            if (a.get().pid() == p.pid()) {
                return true;
            }
        }
        return false;
    }

    private static int stop(SandboxLayout layout, List<Path> files, String suffix, Duration grace, Consumer<String> log) {
        List<ProcessHandle> live = new ArrayList<>();
        for (Path f : files) {
            if (!Files.exists(f) || !f.getFileName().toString().endsWith(suffix)) {
                continue;
            }
            Optional<ProcessHandle> p = SandboxProcesses.live(f, layout);
            p.ifPresent(ph -> {
                live.add(ph);
                log.accept("stopping " + describe(layout, f) + " (pid " + ph.pid() + ")");
            });
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                // the process check makes a stale file harmless
            }
        }
        SandboxProcesses.terminate(live, grace);
        return live.size();
    }

    private static String describe(SandboxLayout layout, Path pidFile) {
        Path rel = layout.hostsDir().relativize(pidFile);
        String service = pidFile.getFileName().toString().replace(".pid", "");
        return service + " on " + rel.getName(0);
    }
}
