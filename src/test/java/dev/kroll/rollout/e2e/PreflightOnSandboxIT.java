package dev.kroll.rollout.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.sandbox.HostProfile;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import dev.kroll.util.ExitCode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each preflight rule made to fail on a sandbox host and reported as its exact finding, through
 * {@code kroll preflight}: real SSH to the host, the real facts script ({@code dev.kroll.remote.FactsGatherer}),
 * the real checks. What the machine can be made to do for real is real: listeners the test opens on the
 * host's address, a lowered open-file limit, a host name that resolves nowhere. What it cannot (its
 * swap, swappiness, Java, disk and clock are this machine's) the host presents through its
 * {@link HostProfile}: the same commands the gatherer runs ({@code cat /proc/...}, {@code java -version},
 * {@code df -Pk}, {@code date}) answer from the host's tree, as a different machine would answer.
 */
@KrollSandbox(hosts = 1, cluster = false)
class PreflightOnSandboxIT {

    private Host host;
    private HostProfile profile;
    private Path inventory;

    @BeforeEach
    void setUp(SandboxCluster cluster) {
        host = cluster.host(0);
        profile = HostProfile.of(cluster.sandbox().layout().home(host.name()));
        inventory = cluster.inventoryFile();
    }

    @AfterEach
    void clearProfile() {
        profile.clear();
    }

    static KrollRun preflight(Path inventory) {
        return KrollRun.of("preflight", "-i", inventory.toString());
    }

    private void assertFinding(KrollRun r, String line) {
        assertTrue(r.out().lines().anyMatch(line::equals), "expected the line\n" + line + "\nin\n" + r.out() + r.err());
    }

    @Test
    void swapInUseAndSwappinessAboveOneAreReportedWithTheSysctlAndSwapoffFixes() {
        profile.proc("meminfo", "MemTotal:        8388608 kB\nMemFree:         4194304 kB\nMemAvailable:    6291456 kB\n"
                + "SwapTotal:       2097152 kB\nSwapFree:        1572864 kB\n")
                .proc("sys/vm/swappiness", "60\n");
        KrollRun r = preflight(inventory);
        assertFinding(r, "warning: " + host.name() + ": swap in use (512 MiB): Kafka relies on the page cache, and a swapped-out broker stalls"
                + " — run 'swapoff -a' and remove swap from /etc/fstab");
        assertFinding(r, "warning: " + host.name() + ": vm.swappiness is 60 (Kafka wants 1)"
                + " — add 'vm.swappiness = 1' to /etc/sysctl.d/60-kafka.conf and run 'sysctl --system'");
    }

    @Test
    void aSwappinessOfOneAndNoSwapPassTheSwapRule() {
        profile.proc("meminfo", "MemTotal:        8388608 kB\nSwapTotal:             0 kB\nSwapFree:              0 kB\n")
                .proc("sys/vm/swappiness", "1\n");
        KrollRun r = preflight(inventory);
        assertTrue(r.out().lines().noneMatch(l -> l.contains("swap")), r.out());
    }

    @Test
    void anOpenFileLimitBelowOneHundredThousandIsAnErrorThatRefuses() throws Exception {
        profile.openFiles(4096);
        // the sandbox's inventory accepts this finding (its hosts share this machine's limit): here, one that does not
        String yaml = Files.readString(inventory);
        String strict = yaml.replaceAll("(?m)^preflight:\\n(?:[ \\t].*\\n|\\n)*", "");
        assertTrue(yaml.contains("check: nofile") && !strict.contains("preflight:"), strict);
        Path strictInventory = inventory.resolveSibling("no-acceptance.yaml");
        Files.writeString(strictInventory, strict);
        KrollRun r = preflight(strictInventory);
        String user = System.getProperty("user.name");
        assertFinding(r, "error: " + host.name() + ": open-file limit of " + user + " is 4096, below 100000:"
                + " a broker with many partitions fails with 'Too many open files'"
                + " — add '" + user + " - nofile 100000' to /etc/security/limits.d/kafka.conf and log in again");
        assertEquals(ExitCode.GATE_REFUSED, r.code(), r.out() + r.err());
    }

    @Test
    void aJavaTooOldForKafkaIsAnError() {
        profile.javaVersion("java version \"1.7.0_80\"");
        KrollRun r = preflight(inventory);
        assertFinding(r, "error: " + host.name() + ": Java 1.7.0_80 is too old for Kafka 3.9 — install Java 17");
        assertEquals(ExitCode.GATE_REFUSED, r.code());
    }

    @Test
    void theJavaThisMachineRunsPassesTheJavaRule() {
        KrollRun r = preflight(inventory);
        assertTrue(r.out().lines().noneMatch(l -> l.contains("Java")), r.out());
    }

    @Test
    void aLogDirOnASmallRootFilesystemIsAnErrorAndAWarning() {
        profile.disk("/", 4 * 1024 * 1024, 512 * 1024);
        KrollRun r = preflight(inventory);
        String logDir = KrollYaml.load(inventory).pathsFor(host).logDirs().get(0);
        assertFinding(r, "error: " + host.name() + ": log dir " + logDir + " has only 512 MiB free on /"
                + " — mount a data disk there or choose another paths.log_dirs");
        assertFinding(r, "warning: " + host.name() + ": log dir " + logDir + " is on the root filesystem: a full Kafka disk would fill the OS disk too"
                + " — mount a dedicated data disk at " + logDir + " (and add it to /etc/fstab)");
    }

    @Test
    void everyPortTakenOnTheHostsAddressIsAnError() throws Exception {
        String a = host.address();
        int[] ports = {host.ports().zookeeperClient(), host.ports().zookeeperPeer(), host.ports().zookeeperElection(),
            host.ports().kafkaPlaintext(), host.ports().kafkaSsl(), host.ports().kafkaJmx(), host.ports().zookeeperJmx()};
        String[] what = {"ZooKeeper client", "ZooKeeper quorum", "ZooKeeper election", "Kafka PLAINTEXT", "Kafka SSL", "Kafka JMX", "ZooKeeper JMX"};
        List<ServerSocket> taken = new ArrayList<>();
        try {
            for (int p : ports) {
                taken.add(new ServerSocket(p, 1, InetAddress.getByName(a)));
            }
            KrollRun r = preflight(inventory);
            for (int i = 0; i < ports.length; i++) {
                // the sandbox binds JMX on the host's own address (a loopback address), so that is where it is checked
                assertFinding(r, "error: " + host.name() + ": port " + ports[i] + " (" + what[i] + ") on " + a
                        + " is taken by a process listening on " + a + ":" + ports[i]
                        + " — stop the process that holds it ('ss -tlnp sport = :" + ports[i] + "' shows it) or change ports in the inventory");
            }
            assertEquals(ExitCode.GATE_REFUSED, r.code());
        } finally {
            for (ServerSocket s : taken) {
                s.close();
            }
        }
    }

    @Test
    void aClockFiveSecondsAheadIsReported() {
        profile.clockOffset(Duration.ofSeconds(5));
        KrollRun r = preflight(inventory);
        Matcher m = Pattern.compile(Pattern.quote("warning: " + host.name() + ": clock is ") + "(\\d+)"
                + Pattern.quote(" ms ahead of the jump host — enable time sync ('timedatectl set-ntp true', chrony or systemd-timesyncd)"))
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        // 5 s, give or take the round trip that bounds the measurement
        long ms = Long.parseLong(m.group(1));
        assertTrue(ms >= 4000 && ms <= 6000, ms + " ms");
    }

    @Test
    void aHostNameThatDoesNotResolveOnTheHostIsAnErrorWhenBrokersAdvertiseNames() throws Exception {
        // the sandbox advertises addresses; advertising names makes the rule apply, and the name resolves nowhere
        String yaml = Files.readString(inventory);
        assertTrue(yaml.contains("  advertise: address\n"), yaml);
        Path byName = inventory.resolveSibling("by-name.yaml");
        Files.writeString(byName, yaml.replace("  advertise: address\n", "  advertise: name\n"));
        KrollRun r = preflight(byName);
        assertFinding(r, "error: " + host.name() + ": " + host.name() + " does not resolve on the host itself,"
                + " but brokers advertise it to clients and to each other"
                + " — add '" + host.address() + " " + host.name() + " " + host.shortName() + "' to /etc/hosts or DNS");
        assertEquals(ExitCode.GATE_REFUSED, r.code());
    }
}
