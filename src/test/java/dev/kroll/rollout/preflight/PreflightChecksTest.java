package dev.kroll.rollout.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.remote.HostFacts;
import dev.kroll.util.ByteSize;
import dev.kroll.util.Problem;
import dev.kroll.util.Severity;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreflightChecksTest {

    private static final String YAML = """
            cluster: {name: orders}
            services: %s
            hosts:
              - {name: kafka1.example.com, address: 10.0.0.11, roles: [zookeeper, kafka]}
              - {name: kafka2.example.com, address: 10.0.0.12, roles: [zookeeper, kafka]}
              - {name: kafka3.example.com, address: 10.0.0.13, roles: [zookeeper, kafka]}
            """;
    private static final String SCRIPT = "{manager: script, kafka: {start: a, stop: b, status: c}, zookeeper: {start: a, stop: b, status: c}}";

    private final Inventory systemd = inventory("{manager: systemd}");
    private final Host host = systemd.hosts().get(0);

    /** A host that passes every rule; each test breaks one. */
    private static HostFacts fit() {
        return facts(0L, 1, 1_048_576L, "17.0.15", List.of(disk("/srv", 500)), List.of("0.0.0.0:22"), List.of("10.0.0.11"), 3L, Map.of(), null);
    }

    @Test
    void aFitHostHasNoFindings() {
        assertEquals(List.of(), PreflightChecks.check(systemd, host, fit()));
    }

    @Test
    void swapInUseAndHighSwappinessAreWarnedWithTheSysctlLine() {
        HostFacts f = facts(512 * ByteSize.MIB, 60, 1_048_576L, "17", List.of(disk("/srv", 500)), List.of(), List.of("10.0.0.11"), 0L, Map.of(), null);
        List<Problem> p = PreflightChecks.check(systemd, host, f);
        assertFinding(p, Severity.WARNING, "swap in use (512 MiB)", "swapoff -a");
        assertFinding(p, Severity.WARNING, "vm.swappiness is 60", "vm.swappiness = 1");
    }

    @Test
    void aLowOpenFileLimitIsAnErrorWithScriptsAndAWarningUnderSystemd() {
        HostFacts f = facts(0L, 1, 1024L, "17", List.of(disk("/srv", 500)), List.of(), List.of("10.0.0.11"), 0L, Map.of(), null);
        assertFinding(PreflightChecks.check(systemd, host, f), Severity.WARNING, "open-file limit of kafka is 1024", "nofile 100000");
        Inventory script = inventory(SCRIPT);
        assertFinding(PreflightChecks.check(script, script.hosts().get(0), f), Severity.ERROR, "below 100000", "limits.d/kafka.conf");
    }

    @Test
    void eachFindingCarriesTheStableIdOfItsCheck() {
        HostFacts f = facts(512 * ByteSize.MIB, 60, 1024L, null, List.of(disk("/", 500)), List.of(), List.of("10.0.0.11"), 120_000L, Map.of(), null);
        Inventory script = inventory(SCRIPT);
        assertEquals(List.of("swap", "swappiness", "nofile", "java", "disk-mount", "clock"),
                PreflightChecks.findings(script, script.hosts().get(0), f).stream().map(x -> x.check().id()).toList());
    }

    @Test
    void missingOrOldJavaIsReported() {
        assertFinding(PreflightChecks.check(systemd, host, withJava(null)), Severity.ERROR, "no Java found", "openjdk-17");
        assertFinding(PreflightChecks.check(systemd, host, withJava("1.8.0_402")), Severity.WARNING, "Java 1.8.0_402 is deprecated", "Java 17");
        assertFinding(PreflightChecks.check(systemd, host, withJava("1.7.0_80")), Severity.ERROR, "too old", "Java 17");
    }

    @Test
    void smallOrRootLogDirFilesystemsAreReported() {
        HostFacts tiny = facts(0L, 1, 1_048_576L, "17", List.of(disk("/srv", 0)), List.of(), List.of("10.0.0.11"), 0L, Map.of(), null);
        assertFinding(PreflightChecks.check(systemd, host, tiny), Severity.ERROR, "has only 0 MiB free on /srv", "data disk");
        HostFacts root = facts(0L, 1, 1_048_576L, "17", List.of(disk("/", 5)), List.of(), List.of("10.0.0.11"), 0L, Map.of(), null);
        List<Problem> p = PreflightChecks.check(systemd, host, root);
        assertFinding(p, Severity.WARNING, "has only 5 GiB free", "larger data disk");
        assertFinding(p, Severity.WARNING, "is on the root filesystem", "dedicated data disk");
    }

    @Test
    void aTakenServicePortIsAnErrorNamingTheListener() {
        HostFacts f = facts(0L, 1, 1_048_576L, "17", List.of(disk("/srv", 500)), List.of("0.0.0.0:2181", "10.0.0.12:9092", "127.0.0.1:9999"),
                List.of("10.0.0.11"), 0L, Map.of(), null);
        List<Problem> p = PreflightChecks.check(systemd, host, f);
        assertFinding(p, Severity.ERROR, "port 2181 (ZooKeeper client) on 10.0.0.11 is taken by a process listening on 0.0.0.0:2181", "ss -tlnp");
        assertFinding(p, Severity.ERROR, "port 9999 (Kafka JMX) on 127.0.0.1", "ss -tlnp");
        assertTrue(p.stream().noneMatch(x -> x.message().contains("9092")), "a listener on another address does not block: " + p);
    }

    @Test
    void aTakenPortOnAHostWithAnEarlierInstallIsOnlyAWarning() {
        HostFacts f = facts(0L, 1, 1_048_576L, "17", List.of(disk("/srv", 500)), List.of("10.0.0.11:9092"), List.of("10.0.0.11"), 0L,
                Map.of("/srv/kafka-logs", 1), null);
        assertFinding(PreflightChecks.check(systemd, host, f), Severity.WARNING, "port 9092 (Kafka PLAINTEXT)", "if it is not");
    }

    @Test
    void clockOffsetIsAWarningAboveOneSecondAndAnErrorAboveOneMinute() {
        assertFinding(PreflightChecks.check(systemd, host, withClock(-2_500L)), Severity.WARNING, "clock is 2500 ms behind", "timedatectl");
        assertFinding(PreflightChecks.check(systemd, host, withClock(120_000L)), Severity.ERROR, "not be valid there yet", "timedatectl");
    }

    @Test
    void aNameThatDoesNotResolveToTheInventoryAddressIsAnError() {
        HostFacts unresolved = facts(0L, 1, 1_048_576L, "17", List.of(disk("/srv", 500)), List.of(), List.of(), 0L, Map.of(), null);
        assertFinding(PreflightChecks.check(systemd, host, unresolved), Severity.ERROR, "does not resolve on the host",
                "10.0.0.11 kafka1.example.com kafka1");
        HostFacts debian = facts(0L, 1, 1_048_576L, "17", List.of(disk("/srv", 500)), List.of(), List.of("127.0.1.1"), 0L, Map.of(), null);
        assertFinding(PreflightChecks.check(systemd, host, debian), Severity.ERROR, "resolves to 127.0.1.1", "127.0.1.1");
    }

    private static void assertFinding(List<Problem> p, Severity severity, String message, String fix) {
        assertTrue(p.stream().anyMatch(x -> x.severity() == severity && x.message().contains(message) && x.fix().contains(fix)),
                "expected a " + severity + " containing '" + message + "' with fix '" + fix + "' in\n" + String.join("\n", p.stream().map(Problem::format).toList()));
    }

    private static HostFacts withJava(String version) {
        return facts(0L, 1, 1_048_576L, version, List.of(disk("/srv", 500)), List.of(), List.of("10.0.0.11"), 0L, Map.of(), null);
    }

    private static HostFacts withClock(long offset) {
        return facts(0L, 1, 1_048_576L, "17", List.of(disk("/srv", 500)), List.of(), List.of("10.0.0.11"), offset, Map.of(), null);
    }

    private static HostFacts.DiskSpace disk(String mount, long freeGiB) {
        return new HostFacts.DiskSpace("/srv/kafka-logs", mount, freeGiB * ByteSize.GIB, 1000 * ByteSize.GIB);
    }

    private static HostFacts facts(Long swapUsed, Integer swappiness, Long nofile, String java, List<HostFacts.DiskSpace> disks,
                                   List<String> listening, List<String> resolved, Long clock, Map<String, Integer> brokerIds, Integer myid) {
        return new HostFacts("kafka1.example.com", "kafka1", "kafka1.example.com", List.of("10.0.0.11"), 32 * ByteSize.GIB, 8, disks,
                ByteSize.GIB, swapUsed, swappiness, nofile, java, clock, brokerIds, myid, listening, resolved, "2026-11-25T00:00:00Z");
    }

    private static Inventory inventory(String services) {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = KrollYaml.read(YamlTrees.parse(YAML.formatted(services), Path.of("cluster.yaml")), Path.of("cluster.yaml"), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        return inv;
    }
}
