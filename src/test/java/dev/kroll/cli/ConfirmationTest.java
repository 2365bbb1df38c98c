package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.RunParams;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.playbook.PlaybookLoader;
import dev.kroll.rollout.playbook.PlaybookSources;
import dev.kroll.util.KrollException;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfirmationTest {

    private final Playbook restart = new PlaybookLoader(new PlaybookSources(List.of())).load("rolling-restart");
    private final StringWriter out = new StringWriter();

    private void ask(boolean yes, String answer) {
        BufferedReader terminal = answer == null ? null : new BufferedReader(new StringReader(answer));
        Confirmation.require(yes, "kroll run rolling-restart", restart.steps(),
                Rollout.changingSteps(restart, new RunParams(Map.of("restart-zookeeper", "true"))), terminal, new PrintWriter(out, true));
    }

    @Test
    void theOperatorIsAskedAndYesGoesAhead() {
        assertDoesNotThrow(() -> ask(false, "y\n"));
        assertEquals("kroll run rolling-restart would start or restart services (steps 1, 2).\nGo ahead? [y/N] ", out.toString());
    }

    @Test
    void anythingButYesChangesNothing() {
        KrollException e = assertThrows(KrollException.class, () -> ask(false, "\n"));
        assertEquals(1, e.exitCode());
        assertEquals("not confirmed: nothing was changed", e.getMessage());
        assertThrows(KrollException.class, () -> ask(false, ""));
    }

    @Test
    void withoutATerminalTheRunIsRefusedAndYesIsNamed() {
        KrollException e = assertThrows(KrollException.class, () -> ask(false, null));
        assertEquals(2, e.exitCode());
        assertEquals("kroll run rolling-restart would start or restart services (steps 1, 2); stdin is not a terminal,"
                + " so nobody can confirm — pass --yes to go ahead", e.getMessage());
    }

    @Test
    void yesSkipsTheQuestionAndAReadOnlyPlaybookNeedsNone() {
        assertDoesNotThrow(() -> ask(true, null));
        assertDoesNotThrow(() -> Confirmation.require(false, "x", restart.steps(), List.of(), null, new PrintWriter(out)));
        assertEquals("", out.toString());
    }
}
