package dev.kroll.rollout.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.PreflightAcceptance;
import dev.kroll.inventory.PreflightCheck;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.preflight.Acceptances.Judged;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AcceptancesTest {

    private final Host a = Host.of("a", "10.0.0.1", Set.of(Role.KAFKA));
    private final Host b = Host.of("b", "10.0.0.2", Set.of(Role.KAFKA));
    private final Finding nofile = new Finding(PreflightCheck.NOFILE, Problem.error(SourcePos.NONE, "a: open-file limit of kafka is 1024", "raise it"));
    private final Finding swap = new Finding(PreflightCheck.SWAPPINESS, Problem.warning(SourcePos.NONE, "a: vm.swappiness is 60", "set 1"));

    private static PreflightAcceptance accept(PreflightCheck c, List<String> hosts) {
        return new PreflightAcceptance(c, hosts, "shared test machine", SourcePos.NONE);
    }

    @Test
    void anAcceptedErrorNoLongerRefusesButIsStillShownWithItsReason() {
        List<Judged> j = Acceptances.judge(a, List.of(nofile, swap), List.of(accept(PreflightCheck.NOFILE, List.of())));

        assertFalse(j.get(0).refuses());
        assertEquals("accepted [nofile] error: a: open-file limit of kafka is 1024 — raise it; accepted because: shared test machine",
                j.get(0).line());
        assertFalse(j.get(1).accepted());
        assertEquals("warning: a: vm.swappiness is 60 — set 1", j.get(1).line());
        assertEquals("fit, 1 warning, accepted: nofile (shared test machine)", Acceptances.summary(j));
    }

    @Test
    void anAcceptanceForOtherHostsOrAnotherCheckLeavesTheErrorRefusing() {
        assertTrue(Acceptances.judge(a, List.of(nofile), List.of(accept(PreflightCheck.NOFILE, List.of("b")))).get(0).refuses());
        assertTrue(Acceptances.judge(a, List.of(nofile), List.of(accept(PreflightCheck.PORT, List.of()))).get(0).refuses());
        assertFalse(Acceptances.judge(a, List.of(nofile), List.of(accept(PreflightCheck.NOFILE, List.of("a")))).get(0).refuses());
    }

    @Test
    void anAcceptanceThatMatchesNoFindingIsReported() {
        PreflightAcceptance used = accept(PreflightCheck.NOFILE, List.of());
        PreflightAcceptance stale = accept(PreflightCheck.CLOCK, List.of("b"));
        List<Judged> judged = Acceptances.judge(a, List.of(nofile), List.of(used, stale));
        judged = new java.util.ArrayList<>(judged);
        judged.addAll(Acceptances.judge(b, List.of(), List.of(used, stale)));

        assertEquals(List.of(stale), Acceptances.unmatched(List.of(used, stale), judged));
        assertEquals("warning: accepted preflight check 'clock@b' matched no finding — remove the acceptance if the cause is gone",
                Acceptances.unmatchedWarning(stale));
    }
}
