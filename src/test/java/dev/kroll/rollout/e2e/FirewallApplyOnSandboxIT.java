package dev.kroll.rollout.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.plan.firewall.FirewallPlanner;
import dev.kroll.plan.firewall.NftablesRenderer;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshConnector;
import dev.kroll.remote.SshOptions;
import dev.kroll.remote.SshSessions;
import dev.kroll.rollout.firewall.FirewallApply;
import dev.kroll.rollout.firewall.FirewallScripts;
import dev.kroll.sandbox.HostProfile;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kroll firewall apply} against a sandbox host whose firewall is real nftables in a network
 * namespace of its own ({@link HostProfile#firewallInOwnNetworkNamespace()}: {@code unshare -rn}, no
 * root, nothing reaches this machine's firewall). Real: SSH, the upload, {@code nft -c} validation,
 * the saved rollback, the dead-man timer (a process on the host), the atomic {@code nft -f}, the new SSH
 * connection, and in the failure case an SSH server really cut after the rules went in. Not real: the
 * namespace has no traffic, so the rules lock nothing out — the lost connection is the cut server.
 * Without {@code unshare}/{@code nft} the test is skipped, unless KROLL_REQUIRE_FIREWALL_TOOLS=1 (CI).
 */
@KrollSandbox(hosts = 1, cluster = false)
class FirewallApplyOnSandboxIT {

    private Host host;
    private Path home;
    private HostProfile profile;
    private Path inventory;

    @BeforeEach
    void setUp(SandboxCluster cluster) throws Exception {
        boolean tools = HostProfile.canRunNftInOwnNamespace();
        if ("1".equals(System.getenv("KROLL_REQUIRE_FIREWALL_TOOLS"))) {
            assertTrue(tools, "KROLL_REQUIRE_FIREWALL_TOOLS=1 but 'unshare -rn nft list ruleset' does not work here");
        }
        Assumptions.assumeTrue(tools, "needs unshare and nft (util-linux, nftables) to give the host a firewall of its own");
        host = cluster.host(0);
        home = cluster.sandbox().layout().home(host.name());
        profile = HostProfile.of(home).firewallInOwnNetworkNamespace();
        inventory = withFirewall(cluster, "[127.0.0.1]", 0);
    }

    /** Each test starts from a host that never had kroll's firewall: a fresh namespace, no files of an earlier test. */
    @AfterEach
    void clear() throws Exception {
        if (profile != null) {
            profile.clear();
            Path etc = home.resolve("etc/kafka");
            if (!Files.isDirectory(etc)) {
                return;
            }
            try (var files = Files.list(etc)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("kroll-firewall")).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    private static Path withFirewall(SandboxCluster cluster, String admins, int managerPort) throws Exception {
        Path inv = cluster.inventoryFile().resolveSibling("firewall-" + managerPort + "-" + admins.hashCode() + ".yaml");
        Files.writeString(inv, Files.readString(cluster.inventoryFile()) + "firewall:\n  client_networks: [10.20.0.0/16]\n  admin_hosts: "
                + admins + "\n  manager_port: " + managerPort + "\n");
        return inv;
    }

    /** The host's firewall as its own nft lists it (through the host's PATH, as kroll's commands see it). */
    private String hostTable() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", "nft list table inet kroll 2>&1 || true").directory(home.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("PATH", home.resolve(".sandbox/bin") + ":" + System.getenv("PATH"));
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void theRulesAreShownAppliedAtomicallyAndTheRollbackIsDisarmedOnceANewConnectionWorks() throws Exception {
        assertFalse(hostTable().contains("table inet kroll {"), "a fresh firewall: " + hostTable());

        KrollRun r = KrollRun.of("firewall", "apply", "-i", inventory.toString(), "--yes", "--rollback-after", "2m");

        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        Inventory inv = KrollYaml.load(inventory);
        String ruleset = NftablesRenderer.render(FirewallPlanner.plan(inv, inv.hosts().get(0), new ArrayList<>()));
        assertTrue(r.out().startsWith(ruleset), "the rules are shown first:\n" + r.out());
        Path etc = home.resolve("etc/kafka");
        assertTrue(r.out().contains(host.name() + ": applied " + etc.resolve(FirewallScripts.FILE)
                + "; a new SSH connection works, rollback disarmed"), r.out());
        assertEquals(ruleset, Files.readString(etc.resolve(FirewallScripts.FILE)));
        String table = hostTable();
        for (String rule : new String[] {"tcp dport 2181 drop", "tcp dport { 2888, 3888 } drop", "tcp dport { 9092, 9093 } drop",
            "tcp dport 9999 drop", "iif \"lo\" accept"}) {
            assertTrue(table.contains(rule), rule + " is not in the host's firewall:\n" + table);
        }
        assertFalse(Files.exists(etc.resolve("kroll-firewall.deadman.pid")), "disarmed");
        assertFalse(Files.exists(etc.resolve("kroll-firewall.rolled-back")));
        assertTrue(Files.readString(etc.resolve("kroll-firewall.rollback.nft")).startsWith("table inet kroll\ndelete table inet kroll\n"));
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains("kroll-firewall-deadman")
                && p.info().commandLine().orElse("").contains(home.toString())), "no timer left running");

        // the same rules again: the transaction replaces the table with the same content
        KrollRun again = KrollRun.of("firewall", "apply", "-i", inventory.toString(), "--yes");
        assertEquals(ExitCode.OK, again.code(), again.out() + again.err());
        assertEquals(table, hostTable());
    }

    @Test
    void withoutANewSshConnectionTheHostRestoresThePreviousRulesItself(SandboxCluster cluster) throws Exception {
        assertEquals(ExitCode.OK, KrollRun.of("firewall", "apply", "-i", inventory.toString(), "--yes").code());
        String before = hostTable();
        assertTrue(before.contains("table inet kroll"), before);
        Inventory inv = KrollYaml.load(withFirewall(cluster, "[127.0.0.1, 10.0.0.5]", 9000));
        String next = NftablesRenderer.render(FirewallPlanner.plan(inv, inv.hosts().get(0), new ArrayList<>()));
        Path path = home.resolve("etc/kafka").resolve(FirewallScripts.FILE);

        try (SshSessions sessions = new SshSessions(SshOptions.defaults(inv.stateDir(), NewHostKeyPolicy.REFUSE))) {
            SshConnector connector = new SshConnector(sessions.options());
            // the fault: once the rules are in, the host's SSH server is gone, so no new connection can be made
            FirewallApply apply = new FirewallApply(sessions, Duration.ofSeconds(3), h -> {
                cluster.cutSsh(h);
                FirewallApply.fresh(connector).prove(h);
            });
            KrollException e = assertThrows(KrollException.class, () -> apply.apply(host, path.toString(), next));
            assertEquals(ExitCode.FAILURE, e.exitCode());
            assertTrue(e.getMessage().startsWith(host.name() + ": no new SSH connection after applying the rules ("), e.getMessage());
            assertTrue(e.getMessage().endsWith("the host restores the previous rules itself within 3 s (" + home.resolve("etc/kafka/kroll-firewall.rollback.nft") + ")"),
                    e.getMessage());
        } finally {
            cluster.restoreSsh(host);
        }
        Path marker = home.resolve("etc/kafka/kroll-firewall.rolled-back");
        for (int i = 0; i < 300 && !Files.exists(marker); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(marker), "the dead-man timer fired");
        String after = hostTable();
        assertEquals(before, after, "the previous rules are back");
        assertFalse(after.contains("9000"), after);
        assertFalse(Files.exists(home.resolve("etc/kafka/kroll-firewall.deadman.pid")));
    }

    @Test
    void rulesThatWouldDropSshFromTheJumpHostAreRefusedWithExit3AndNothingIsApplied(SandboxCluster cluster) throws Exception {
        // SSH of the sandbox host is on 2222: made a management port that only 10.0.0.5 may reach, seen from 192.0.2.10
        Path inv = withFirewall(cluster, "[10.0.0.5]", host.ssh().port());

        KrollRun r = KrollRun.of("firewall", "apply", "-i", inv.toString(), "--yes", "--jump-host", "192.0.2.10");

        assertEquals(ExitCode.GATE_REFUSED, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("error: the firewall rules for " + host.name() + " would drop SSH from the jump host 192.0.2.10 on port "
                + host.ssh().port() + " — add 192.0.2.10 to firewall.admin_hosts, or move the port"), r.err());
        assertTrue(r.err().contains("refusing: these rules would lock the jump host out of SSH; nothing was applied"), r.err());
        assertFalse(Files.exists(home.resolve("etc/kafka").resolve(FirewallScripts.FILE)), "nothing uploaded");
        assertFalse(hostTable().contains("table inet kroll {"), "nothing applied");
    }

    @Test
    void aPlaybookStepAppliesTheRulesOrRefusesWithExit3BeforeAnyRuleChanges(SandboxCluster cluster) throws Exception {
        Path playbooks = Files.createDirectories(inventory.resolveSibling("playbooks"));
        Files.writeString(playbooks.resolve("firewall-only.yaml"), "steps:\n  - apply-firewall:\n      rollback-after: 2m\n");
        // as seen from 192.0.2.10 (the sandbox's own connections come from loopback, which the rules always accept)
        Files.writeString(playbooks.resolve("firewall-behind-nat.yaml"), "steps:\n  - apply-firewall:\n      jump-host: 192.0.2.10\n");

        KrollRun refused = KrollRun.of("run", "firewall-behind-nat", "-i", withFirewall(cluster, "[10.0.0.5]", host.ssh().port()).toString(),
                "--yes");
        assertEquals(ExitCode.GATE_REFUSED, refused.code(), refused.out() + refused.err());
        assertTrue(refused.err().contains("would drop SSH from the jump host 192.0.2.10 on port " + host.ssh().port()
                + " — add 192.0.2.10 to firewall.admin_hosts, or move the port; no rule was changed"), refused.err());
        assertFalse(Files.exists(home.resolve("etc/kafka").resolve(FirewallScripts.FILE)), "nothing uploaded");

        KrollRun r = KrollRun.of("run", "firewall-only", "-i", inventory.toString(), "--yes");
        assertEquals(ExitCode.OK, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("    " + host.name() + ": apply-firewall changed — applied " + home.resolve("etc/kafka").resolve(FirewallScripts.FILE)
                + "; a new SSH connection works, rollback disarmed"), r.out());
        assertTrue(hostTable().contains("tcp dport { 9092, 9093 } drop"), hostTable());
    }

    @Test
    void withoutATerminalAndWithoutYesNothingIsApplied() throws Exception {
        KrollRun r = KrollRun.of("firewall", "apply", "-i", inventory.toString());
        assertEquals(ExitCode.BAD_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("stdin is not a terminal, so nobody can confirm — pass --yes to go ahead"), r.err());
        assertFalse(Files.exists(home.resolve("etc/kafka").resolve(FirewallScripts.FILE)));
    }
}
