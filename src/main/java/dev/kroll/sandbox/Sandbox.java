package dev.kroll.sandbox;

import dev.kroll.inventory.Inventory;
import dev.kroll.util.Files2;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A running sandbox: N simulated hosts (SSH servers on loopback, each with its own tree), the inventory
 * describing them, and everything started on them. {@link #close()} stops all of it, and is also run by a
 * shutdown hook (Ctrl-C, terminal closed, kill); what a hard kill leaves behind is stopped by the hosts'
 * watchdogs, or by {@link SandboxCleanup}.
 */
public final class Sandbox implements AutoCloseable {

    /** How to start one. {@code slot} null: the first free slot from 1 on (tests); the demo uses 0. */
    public record Spec(Path root, int hosts, Integer slot) {
    }

    private final SandboxLayout layout;
    private final SlotLock slot;
    private final SandboxNetwork.Mode mode;
    private final List<SandboxHost> hosts;
    private final Inventory inventory;
    private final Consumer<String> log;
    private final Thread shutdownHook;
    private boolean closed;

    private Sandbox(SandboxLayout layout, SlotLock slot, SandboxNetwork.Mode mode, List<SandboxHost> hosts, Inventory inventory,
                    Consumer<String> log) {
        this.layout = layout;
        this.log = log;
        this.slot = slot;
        this.mode = mode;
        this.hosts = List.copyOf(hosts);
        this.inventory = inventory;
        this.shutdownHook = new Thread(this::closeQuietly, "kroll-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Sandbox start(Spec spec) {
        return start(spec, line -> { });
    }

    /** Starts the sandbox; {@code log} hears what is stopped, now (leftovers of a crash) and on close. */
    public static Sandbox start(Spec spec, Consumer<String> log) {
        SandboxLayout layout = new SandboxLayout(spec.root());
        SandboxCleanup.refuseIfRunning(layout);
        SandboxCleanup.stopLeftovers(layout, log);
        SandboxNetwork.Mode mode = SandboxNetwork.detectMode();
        SlotLock lock = claimSlot(spec, mode);
        List<SandboxHost> started = new ArrayList<>();
        try {
            List<HostEndpoint> endpoints = SandboxNetwork.plan(spec.hosts(), lock.slot(), mode);
            Files2.privateDir(layout.root());
            Files2.privateDir(layout.stateDir());
            ClientKey.ensure(layout);
            writeOwnerPid(layout);
            String user = System.getProperty("user.name");
            Inventory inv = SandboxInventory.write(layout, endpoints, user);
            Map<String, String> baseEnv = HostEnvironment.base();
            for (HostEndpoint e : endpoints) {
                SandboxHost h = new SandboxHost(layout, e, user, HostEnvironment.of(baseEnv, layout.home(e.name()), e.name(), user));
                installServiceScript(h, inv);
                h.startSsh();
                started.add(h);
            }
            writeKnownHosts(layout, started);
            return new Sandbox(layout, lock, mode, started, inv, log);
        } catch (IOException | RuntimeException e) {
            started.forEach(SandboxHost::cutSsh);
            lock.close();
            deleteOwnerPid(layout);
            if (e instanceof KrollException k) {
                throw k;
            }
            throw KrollException.failure("cannot start the sandbox in " + layout.root() + ": " + e.getMessage(), e);
        }
    }

    private static SlotLock claimSlot(Spec spec, SandboxNetwork.Mode mode) {
        if (spec.slot() != null) {
            SlotLock lock = SlotLock.tryAcquire(spec.slot()).orElseThrow(() -> KrollException.failure("another sandbox uses the addresses of slot "
                    + spec.slot() + " (" + SandboxNetwork.plan(1, spec.slot(), mode).get(0).address() + "…); stop it first ('kroll demo stop --dir DIR')", null));
            Optional<String> busy = SandboxNetwork.firstBusy(SandboxNetwork.plan(spec.hosts(), spec.slot(), mode));
            if (busy.isPresent()) {
                lock.close();
                throw KrollException.failure(busy.get() + " is already in use; stop what listens there (another sandbox? 'kroll demo stop --dir DIR')", null);
            }
            return lock;
        }
        for (int s = 1; s < SandboxNetwork.maxSlots(mode); s++) {
            Optional<SlotLock> lock = SlotLock.tryAcquire(s);
            if (lock.isPresent()) {
                if (SandboxNetwork.firstBusy(SandboxNetwork.plan(spec.hosts(), s, mode)).isEmpty()) {
                    return lock.get();
                }
                lock.get().close();
            }
        }
        throw KrollException.failure("no free loopback addresses/ports for a sandbox of " + spec.hosts() + " hosts", null);
    }

    private static void installServiceScript(SandboxHost h, Inventory inv) throws IOException {
        Path script = h.home().resolve(ServiceScript.PATH);
        Files.createDirectories(script.getParent());
        Files2.writeAtomically(script, ServiceScript.render(h.endpoint(), inv.pathsFor(inv.host(h.name()).orElseThrow())).getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static void writeKnownHosts(SandboxLayout layout, List<SandboxHost> hosts) throws IOException {
        StringBuilder sb = new StringBuilder("# Host keys of the sandbox's simulated hosts, written by kroll.\n");
        for (SandboxHost h : hosts) {
            sb.append(h.knownHostsLine()).append('\n');
        }
        Files2.writeAtomically(layout.knownHosts(), sb.toString().getBytes(StandardCharsets.UTF_8), Files2.OWNER_ONLY);
    }

    private static void writeOwnerPid(SandboxLayout layout) throws IOException {
        Files2.writeAtomically(layout.ownerPidFile(), ProcessHandle.current().pid() + "\n");
    }

    private static void deleteOwnerPid(SandboxLayout layout) {
        try {
            Files.deleteIfExists(layout.ownerPidFile());
        } catch (IOException e) {
            // best effort: a stale pid file is checked against the process before use
        }
    }

    public SandboxLayout layout() {
        return layout;
    }

    public SandboxNetwork.Mode mode() {
        return mode;
    }

    public List<SandboxHost> hosts() {
        return hosts;
    }

    public SandboxHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sandbox host " + name));
    }

    /** The inventory as kroll reads it from {@link SandboxLayout#inventory()}. */
    public Inventory inventory() {
        return inventory;
    }

    /** Stops every service (pid files), then the SSH servers; afterwards no process of the sandbox runs. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            SandboxCleanup.stopServices(layout, log);
        } finally {
            hosts.forEach(SandboxHost::cutSsh);
            deleteOwnerPid(layout);
            slot.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // already shutting down: this is the hook
            }
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            // the JVM is going away; the hosts' watchdogs stop what is left
        }
    }
}
