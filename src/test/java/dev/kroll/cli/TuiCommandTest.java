package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Under the test runner standard input and output are not a terminal, as in a script or CI. */
class TuiCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void bareKrollWithoutATerminalPrintsTheUsageAndSaysWhy() {
        String[] r = run();
        assertEquals("0", r[0]);
        assertTrue(r[1].startsWith("kroll: standard input or output is not a terminal"), r[1]);
        assertTrue(r[1].contains("tui"), "the usage lists the commands: " + r[1]);
    }

    @Test
    void krollTuiWithoutATerminalRefusesInOneLine() {
        String[] r = run("tui");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("kroll tui needs a terminal"), r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
    }
}
