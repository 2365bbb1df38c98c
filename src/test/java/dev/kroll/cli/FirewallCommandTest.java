package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kroll firewall} and what {@code kroll firewall apply} refuses before it connects anywhere. */
class FirewallCommandTest {

    @TempDir
    Path dir;

    Path inv;

    @BeforeEach
    void inventory() throws Exception {
        inv = dir.resolve("cluster.yaml");
        Files.writeString(inv, "cluster: {name: fw}\n"
                + "ssh: {port: 9000}\n"
                + "firewall: {admin_hosts: [10.0.0.5], manager_port: 9000}\n"
                + "hosts:\n"
                + "  - {name: k1, address: 10.0.0.11, roles: [zookeeper, kafka]}\n");
    }

    @Test
    void theRulesAreShownForReview() {
        CliRun r = CliRun.of("firewall", "-i", inv.toString());
        assertEquals(ExitCode.OK, r.exit(), r.err());
        assertTrue(r.out().contains("table inet kroll {\n") && r.out().contains("    tcp dport { 9092, 9093 } drop\n"), r.out());
    }

    @Test
    void rulesThatDropSshFromTheJumpHostAreRefusedWithExit3() {
        CliRun r = CliRun.of("firewall", "-i", inv.toString(), "--jump-host", "10.0.0.9");
        assertEquals(ExitCode.GATE_REFUSED, r.exit(), r.err());
        assertTrue(r.err().contains("error: the firewall rules for k1 would drop SSH from the jump host 10.0.0.9 on port 9000"
                + " — add 10.0.0.9 to firewall.admin_hosts, or move the port"), r.err());
        assertEquals(ExitCode.OK, CliRun.of("firewall", "-i", inv.toString(), "--jump-host", "10.0.0.5").exit());
    }

    @Test
    void applyRefusesAnUnknownHostAndANonsenseRollbackTimeBeforeConnecting() {
        CliRun unknown = CliRun.of("firewall", "apply", "-i", inv.toString(), "--host", "k9", "--yes");
        assertEquals(ExitCode.BAD_INPUT, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("no host 'k9' in " + inv), unknown.err());
        CliRun zero = CliRun.of("firewall", "apply", "-i", inv.toString(), "--rollback-after", "0s", "--yes");
        assertEquals(ExitCode.BAD_INPUT, zero.exit(), zero.err());
        assertTrue(zero.err().contains("--rollback-after '0s' is not a duration of at least 1s (e.g. 60s, 2m)"), zero.err());
    }
}
