package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {

    @Test
    void plainWordsStayUnquoted() {
        assertEquals("/etc/kafka/server.properties", Shell.quote("/etc/kafka/server.properties"));
        assertEquals("''", Shell.quote(""));
    }

    @Test
    void quotedArgumentsSurviveARealShellUnchanged() throws IOException, InterruptedException {
        List<String> nasty = List.of("it's", "a b", "$HOME", "`id`", "\"x\"", "; rm -rf /", "*", "new\nline", "\\");
        for (String arg : nasty) {
            Process p = new ProcessBuilder("/bin/sh", "-c", "printf %s " + Shell.quote(arg)).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            assertEquals(arg, out);
        }
    }

    @Test
    void joinQuotesEachArgument() {
        assertEquals("echo 'a b' c", Shell.join("echo", "a b", "c"));
    }
}
