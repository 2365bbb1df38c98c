package dev.kroll.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.ServiceControl;
import dev.kroll.inventory.ServiceManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceQueryTest {

    private static ServiceControl unit(String unit) {
        return new ServiceControl(unit, null, null, null);
    }

    private static ServiceControl script(String status) {
        return new ServiceControl(null, "start", "stop", status);
    }

    /** Runs the command in a real POSIX shell, as the host's login shell would. */
    private static RemoteCommands.Result sh(String command) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new RemoteCommands.Result(p.waitFor(), out, err);
    }

    @Test
    void oneSystemctlShowAsksForEveryUnitOfTheHost() {
        assertEquals("systemctl show --no-pager -p ActiveState -p SubState -p MainPID -p ActiveEnterTimestamp -- zookeeper.service kafka.service",
                ServiceQuery.command(ServiceManager.SYSTEMD, List.of(unit("zookeeper.service"), unit("kafka.service"))));
        assertTrue(ServiceQuery.command(ServiceManager.SYSTEMD, List.of(unit("my kafka; rm"))).endsWith("-- 'my kafka; rm'"));
    }

    @Test
    void systemctlBlocksAreReadInTheOrderOfTheUnits() {
        String out = "ActiveState=inactive\nSubState=dead\nMainPID=0\nActiveEnterTimestamp=n/a\n\n"
                + "ActiveState=active\nSubState=running\nMainPID=4242\nActiveEnterTimestamp=Tue 2025-05-06 10:00:00 UTC\n";
        List<ProcessState> s = ServiceQuery.parse(ServiceManager.SYSTEMD, 2, new RemoteCommands.Result(0, out, ""));
        assertEquals(new ProcessState(false, "inactive (dead)", null, null), s.get(0));
        assertEquals(new ProcessState(true, "active (running)", 4242L, Instant.parse("2025-05-06T10:00:00Z")), s.get(1));
    }

    @Test
    void eachStatusScriptKeepsItsOwnExitStatusAndOutputInARealShell() throws Exception {
        String cmd = ServiceQuery.command(ServiceManager.SCRIPT, List.of(
                script("echo 'zookeeper is not running'; exit 3"), script("printf 'kafka is running (pid 42)'")));
        List<ProcessState> s = ServiceQuery.parse(ServiceManager.SCRIPT, 2, sh(cmd));
        assertEquals(new ProcessState(false, "stopped", null, null), s.get(0));
        assertEquals(new ProcessState(true, "running", 42L, null), s.get(1));
    }

    @Test
    void anAnswerMissingAServiceIsAFailureSayingSo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServiceQuery.parse(ServiceManager.SYSTEMD, 2,
                new RemoteCommands.Result(1, "", "Failed to connect to bus: No such file or directory\n")));
        assertEquals("systemctl show answered for 0 of 2 services (exit 1): Failed to connect to bus: No such file or directory", e.getMessage());
    }
}
