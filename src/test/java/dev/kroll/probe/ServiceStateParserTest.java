package dev.kroll.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceStateParserTest {

    @Test
    void systemdShowGivesStatePidAndSince() {
        ProcessState s = ServiceStateParser.systemd("ActiveState=active\nSubState=running\nMainPID=4242\n"
                + "ActiveEnterTimestamp=Tue 2025-05-06 10:00:00 UTC\n");
        assertTrue(s.active());
        assertEquals("active (running)", s.state());
        assertEquals(4242L, s.pid());
        assertEquals(Instant.parse("2025-05-06T10:00:00Z"), s.since());
    }

    @Test
    void anInactiveUnitHasNoPidNorSince() {
        ProcessState s = ServiceStateParser.systemd("ActiveState=failed\nSubState=failed\nMainPID=0\nActiveEnterTimestamp=n/a\n");
        assertFalse(s.active());
        assertEquals("failed", s.state());
        assertNull(s.pid());
        assertNull(s.since());
    }

    @Test
    void aStatusScriptIsRunningOnExitZeroAndItsPidIsTaken() {
        assertEquals(new ProcessState(true, "running", 1234L, null), ServiceStateParser.script(0, "kafka is running (pid 1234)\n"));
        assertEquals(new ProcessState(false, "stopped", null, null), ServiceStateParser.script(3, "kafka is not running\n"));
    }

    @Test
    void theSystemctlCommandQuotesAnOddUnitName() {
        assertEquals("systemctl show --no-pager -p ActiveState -p SubState -p MainPID -p ActiveEnterTimestamp -- kafka.service",
                ServiceStateParser.systemdCommand("kafka.service"));
        assertTrue(ServiceStateParser.systemdCommand("my kafka; rm").endsWith("-- 'my kafka; rm'"));
    }
}
