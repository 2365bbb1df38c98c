package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaPassphraseTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static CaPassphrase.Prompt typed(String... answers) {
        Deque<String> q = new ArrayDeque<>(List.of(answers));
        return p -> q.isEmpty() ? null : q.pop().toCharArray();
    }

    @Test
    void theFileWinsOverTheEnvironmentAndItsLineEndIsDropped() throws Exception {
        Path f = Files.writeString(dir.resolve("pass"), "from the file 123\r\nsecond line\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        char[] p = CaPassphrase.resolve(f, Map.of(CaPassphrase.ENV, "from the environment"), typed(), false, warnings::add);
        assertArrayEquals("from the file 123".toCharArray(), p);
        assertEquals(List.of(), warnings);
    }

    @Test
    void aPasswordFileOthersCanReadIsWarnedAbout() throws Exception {
        Path f = Files.writeString(dir.resolve("pass"), "from the file 123\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        CaPassphrase.resolve(f, Map.of(), null, false, warnings::add);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("chmod 600"), warnings.get(0));
    }

    @Test
    void theEnvironmentVariableServesAutomation() {
        char[] p = CaPassphrase.resolve(null, Map.of(CaPassphrase.ENV, "from the environment"), typed("typed"), false, warnings::add);
        assertArrayEquals("from the environment".toCharArray(), p);
    }

    @Test
    void aNewCaAsksTwiceAndRefusesADifferentRepeat() {
        assertArrayEquals("typed twice 123".toCharArray(),
                CaPassphrase.resolve(null, Map.of(), typed("typed twice 123", "typed twice 123"), true, warnings::add));
        KrollException e = assertThrows(KrollException.class,
                () -> CaPassphrase.resolve(null, Map.of(), typed("typed twice 123", "typed twice 124"), true, warnings::add));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("differ"));
    }

    @Test
    void anExistingCaIsUnlockedWithOnePrompt() {
        assertArrayEquals("typed once".toCharArray(), CaPassphrase.resolve(null, Map.of(), typed("typed once"), false, warnings::add));
    }

    @Test
    void aShortPassphraseIsRefusedForANewCa() {
        KrollException e = assertThrows(KrollException.class,
                () -> CaPassphrase.resolve(null, Map.of(CaPassphrase.ENV, "short"), null, true, warnings::add));
        assertTrue(e.getMessage().contains("at least 12"), e.getMessage());
    }

    @Test
    void withoutFileEnvironmentOrTerminalItSaysWhatToDo() {
        KrollException e = assertThrows(KrollException.class, () -> CaPassphrase.resolve(null, Map.of(), null, false, warnings::add));
        assertEquals("no CA passphrase: give --ca-password-file FILE, set KROLL_CA_PASSWORD, or run in a terminal to be asked", e.getMessage());
    }
}
