package dev.kroll.sandbox.junit;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.sandbox.Sandbox;
import dev.kroll.sandbox.SandboxHost;
import dev.kroll.sandbox.SandboxProcesses;
import dev.kroll.sandbox.bootstrap.ClusterWait;
import dev.kroll.sandbox.bootstrap.SandboxBringUp;
import dev.kroll.sandbox.bootstrap.SandboxSsh;
import dev.kroll.sandbox.bootstrap.ClusterEndpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A test's handle on its sandbox: the inventory, and faults on demand. Service actions go through the
 * inventory's service commands over SSH, as kroll runs them; {@link #kill} is a SIGKILL sent locally, as
 * when a machine's OOM killer strikes; {@link #cutSsh} stops a host's SSH server while its services run.
 */
public final class SandboxCluster {

    public static final Duration WAIT = Duration.ofSeconds(120);

    private final Sandbox sandbox;
    private SandboxBringUp.Result up;

    SandboxCluster(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void up(SandboxBringUp.Result result) {
        this.up = result;
    }

    public Sandbox sandbox() {
        return sandbox;
    }

    public Inventory inventory() {
        return sandbox.inventory();
    }

    public Path inventoryFile() {
        return sandbox.layout().inventory();
    }

    public List<Host> hosts(Role role) {
        return inventory().hosts(role);
    }

    public Host host(int index) {
        return inventory().hosts().get(index);
    }

    public String bootstrapServers() {
        return ClusterEndpoints.bootstrapServers(inventory());
    }

    public String zookeeperConnect() {
        return ClusterEndpoints.zookeeperConnect(inventory());
    }

    /** Whether the cluster was brought up by the extension. */
    public boolean isUp() {
        return up != null;
    }

    /** The broker.id kroll's planner gave the host (needs the cluster up). */
    public int brokerId(Host h) {
        if (up == null) {
            throw new IllegalStateException("the cluster was not brought up (@KrollSandbox(cluster = false))");
        }
        return up.brokerIds().get(h.name());
    }

    public void start(Host h, Role role) {
        SandboxSsh.service(inventory(), h, role, "start");
    }

    public void stop(Host h, Role role) {
        SandboxSsh.service(inventory(), h, role, "stop");
    }

    public void restart(Host h, Role role) {
        stop(h, role);
        start(h, role);
    }

    /** The status command's exit status over SSH: 0 running, 3 not running. */
    public int status(Host h, Role role) {
        return SandboxSsh.service(inventory(), h, role, "status");
    }

    /** The running process of the service, by its pid file. */
    public Optional<ProcessHandle> process(Host h, Role role) {
        Path pidFile = sandboxHost(h).home().resolve(SandboxProcesses.pidFile(role.key()));
        return SandboxProcesses.live(pidFile, sandbox.layout());
    }

    /** SIGKILL to the service's process; returns its pid. */
    public long kill(Host h, Role role) {
        ProcessHandle p = process(h, role).orElseThrow(() -> new IllegalStateException(role + " does not run on " + h.name()));
        SandboxProcesses.kill(p);
        return p.pid();
    }

    public void cutSsh(Host h) {
        sandboxHost(h).cutSsh();
    }

    public void restoreSsh(Host h) {
        sandboxHost(h).startSsh();
    }

    public SandboxHost sandboxHost(Host h) {
        return sandbox.host(h.name());
    }

    public String awaitQuorum() {
        return ClusterWait.awaitQuorum(inventory(), WAIT);
    }

    public int awaitBrokers() {
        return ClusterWait.awaitBrokers(inventory(), hosts(Role.KAFKA).size(), WAIT);
    }

    public void awaitBrokerIds(Set<Integer> ids) {
        ClusterWait.awaitBrokerIds(inventory(), ids, WAIT);
    }

    public Set<Integer> allBrokerIds() {
        Set<Integer> ids = new TreeSet<>();
        hosts(Role.KAFKA).forEach(h -> ids.add(brokerId(h)));
        return ids;
    }

    /** Brings everything back after a test's faults: SSH servers, then any stopped service, then waits for the cluster. */
    public void heal() {
        sandbox.hosts().forEach(SandboxHost::startSsh);
        if (!isUp()) {
            return;
        }
        for (Host h : hosts(Role.ZOOKEEPER)) {
            if (process(h, Role.ZOOKEEPER).isEmpty()) {
                start(h, Role.ZOOKEEPER);
            }
        }
        awaitQuorum();
        List<Host> down = hosts(Role.KAFKA).stream().filter(h -> process(h, Role.KAFKA).isEmpty()).toList();
        if (!down.isEmpty()) {
            // a killed broker's registration lasts until its ZooKeeper session expires; a restart before fails
            Set<Integer> alive = allBrokerIds();
            down.forEach(h -> alive.remove(brokerId(h)));
            awaitBrokerIds(alive);
            down.forEach(h -> start(h, Role.KAFKA));
        }
        awaitBrokerIds(allBrokerIds());
    }

    /** Resident memory of every service process, in KiB (Linux /proc). */
    public long servicesRssKib() {
        long sum = 0;
        for (Path pidFile : SandboxProcesses.pidFiles(sandbox.layout())) {
            Optional<ProcessHandle> p = SandboxProcesses.live(pidFile, sandbox.layout());
            if (p.isPresent()) {
                sum += rssKib(p.get().pid());
            }
        }
        return sum;
    }

    public static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone, or not Linux
        }
        return 0;
    }
}
