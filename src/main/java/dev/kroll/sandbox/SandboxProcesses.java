package dev.kroll.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The processes a sandbox started on its hosts, found by the pid files under {@code hosts/NAME/var/run/}.
 * A pid counts only while its process's command line names the sandbox's root (the Kafka class path,
 * the service script or the watchdog do), so a pid reused by an unrelated process is never signalled.
 */
public final class SandboxProcesses {

    /** A service's pid file, relative to the host's home (see sandbox-service.sh). */
    public static String pidFile(String service) {
        return "var/run/" + service + ".pid";
    }

    private SandboxProcesses() {
    }

    /** Every pid file of every host of the sandbox. */
    public static List<Path> pidFiles(SandboxLayout layout) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(layout.hostsDir())) {
            return out;
        }
        try (Stream<Path> hosts = Files.list(layout.hostsDir())) {
            for (Path home : hosts.sorted().toList()) {
                Path run = home.resolve("var/run");
                if (Files.isDirectory(run)) {
                    try (Stream<Path> files = Files.list(run)) {
                        files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().forEach(out::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The live process a pid file names, if it belongs to this sandbox. */
    public static Optional<ProcessHandle> live(Path pidFile, SandboxLayout layout) {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(SandboxProcesses::running).filter(p -> belongs(p, layout));
    }

    /** Whether the process's command line names the sandbox root (or its real path). */
    static boolean belongs(ProcessHandle p, SandboxLayout layout) {
        Optional<String> cmd = p.info().commandLine();
        if (cmd.isEmpty()) {
            return false;
        }
        String root = layout.root().toString();
        String real = root;
        try {
            real = layout.root().toRealPath().toString();
        } catch (IOException e) {
            // root gone: only the literal path can match
        }
        return cmd.get().contains(root + "/") || cmd.get().contains(real + "/");
    }

    /** Every live process on this machine that belongs to the sandbox, pid file or not. */
    public static List<ProcessHandle> strays(SandboxLayout layout) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != self).filter(SandboxProcesses::running)
                .filter(p -> belongs(p, layout)).toList();
    }

    /**
     * Whether the process runs: alive and not a zombie. In a container whose init does not reap orphans,
     * a service that exited stays a zombie, which {@link ProcessHandle#isAlive()} reports as alive.
     */
    public static boolean running(ProcessHandle p) {
        if (!p.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", String.valueOf(p.pid()), "stat");
        try {
            String s = Files.readString(stat);
            int close = s.lastIndexOf(')');
            return close < 0 || close + 2 >= s.length() || s.charAt(close + 2) != 'Z';
        } catch (IOException e) {
            // no /proc (not Linux), or the process is gone this instant
            return p.isAlive();
        }
    }

    /** SIGTERM to all, then SIGKILL to whatever still runs after {@code grace}; returns once all are gone. */
    public static void terminate(Collection<ProcessHandle> processes, Duration grace) {
        processes.forEach(ProcessHandle::destroy);
        awaitExit(processes, grace);
        List<ProcessHandle> left = processes.stream().filter(SandboxProcesses::running).toList();
        left.forEach(ProcessHandle::destroyForcibly);
        awaitExit(left, Duration.ofSeconds(10));
    }

    /** SIGKILL, as for a crash. */
    public static void kill(ProcessHandle p) {
        p.destroyForcibly();
        awaitExit(List.of(p), Duration.ofSeconds(10));
    }

    static void awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle p : processes) {
            while (running(p) && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
