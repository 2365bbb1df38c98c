package dev.kroll.rollout.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirewallScriptsTest {

    @TempDir
    Path dir;

    private final FirewallScripts sc = new FirewallScripts("/etc/kafka/kroll-firewall.nft");

    @Test
    void everyStateFileLivesBesideTheRuleset() {
        assertEquals("/etc/kafka/kroll-firewall.rollback.nft", sc.rollbackFile());
        assertEquals("/etc/kafka/kroll-firewall.deadman.pid", sc.pidFile());
        assertEquals("/etc/kafka/kroll-firewall.rolled-back", sc.rolledBackMarker());
        assertThrows(IllegalArgumentException.class, () -> new FirewallScripts("/etc/kafka/rules.nft"));
    }

    @Test
    void theJumpHostIsTheFirstFieldOfSshClient() {
        assertEquals("10.0.0.5", FirewallScripts.clientAddress("10.0.0.5 51234 22\n"));
        assertEquals("2001:db8::7", FirewallScripts.clientAddress("2001:db8::7 40000 2222"));
        assertNull(FirewallScripts.clientAddress("\n"));
        assertNull(FirewallScripts.clientAddress(null));
    }

    @Test
    void theRollbackIsSavedAndCheckedBeforeTheTimerIsArmedAndTheTimerBeforeAnythingIsApplied() {
        String arm = sc.saveAndArm(Duration.ofSeconds(45));
        int save = arm.indexOf("nft list table inet kroll");
        int check = arm.indexOf("nft -c -f /etc/kafka/kroll-firewall.rollback.nft.tmp");
        int timer = arm.indexOf("setsid sh -c 'sleep \"$1\"; nft -f \"$2\"");
        assertTrue(save > 0 && check > save && timer > check, arm);
        assertTrue(arm.contains("kroll-firewall-deadman 45 /etc/kafka/kroll-firewall.rollback.nft /etc/kafka/kroll-firewall.rolled-back"), arm);
        assertTrue(arm.startsWith("set -e\n"), "a failed save must stop before the timer is armed");
        assertEquals("nft -f /etc/kafka/kroll-firewall.nft", sc.apply());
        assertEquals("nft -c -f /etc/kafka/kroll-firewall.nft", sc.validate());
    }

    /** The timer and its disarming, run by this machine's sh with a stand-in for nft (a script that records what it was asked). */
    @Test
    void aDisarmedTimerNeverRestoresAndAnUndisarmedOneDoes() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("nft.log");
        Path nft = bin.resolve("nft");
        Files.writeString(nft, "#!/bin/sh\necho \"$*\" >> " + log + "\n");
        nft.toFile().setExecutable(true);
        FirewallScripts local = new FirewallScripts(dir.resolve(FirewallScripts.FILE).toString());

        assertEquals("", sh(bin, local.saveAndArm(Duration.ofSeconds(30))).replaceAll("armed \\d+\n", ""));
        assertEquals("disarmed\n", sh(bin, local.disarm()));
        assertEquals("not-armed\n", sh(bin, local.disarm()));
        assertTrue(Files.readString(log).lines().noneMatch(l -> l.equals("-f " + local.rollbackFile())), Files.readString(log));

        sh(bin, local.saveAndArm(Duration.ofSeconds(1)));
        Path marker = Path.of(local.rolledBackMarker());
        for (int i = 0; i < 100 && !Files.exists(marker); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(marker), "the timer restored the previous rules");
        assertTrue(Files.readString(log).lines().anyMatch(l -> l.equals("-f " + local.rollbackFile())), Files.readString(log));
        assertEquals("rolled-back\n", sh(bin, local.disarm()));
        assertEquals("yes\n", sh(bin, local.rolledBack()));
    }

    private static String sh(Path bin, String script) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
