package dev.kroll.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Helpers to run real OpenSSH programs (sshd, ssh-agent) for interop tests, and to stop them again. */
final class LocalProcesses {

    private LocalProcesses() {
    }

    /** Skips the test when {@code program} is missing, unless CI demands it ({@code KROLL_REQUIRE_SSHD=1}): then it fails. */
    static void requireProgram(Path program) {
        if (Files.isExecutable(program)) {
            return;
        }
        if ("1".equals(System.getenv("KROLL_REQUIRE_SSHD"))) {
            throw new AssertionError(program + " is not installed but KROLL_REQUIRE_SSHD=1 — install openssh-server");
        }
        Assumptions.abort(program + " is not installed (apt-get install openssh-server); skipping the OpenSSH interop test");
    }

    static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(address, 0));
            return s.getLocalPort();
        }
    }

    static void awaitPort(String address, int port, Process p, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("exited with " + p.exitValue() + ": " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nothing listens on " + address + ":" + port + ": " + Files.readString(log));
    }

    static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
