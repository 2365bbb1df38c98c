package dev.kroll.plan.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden-file comparison; {@code -Dkroll.golden.update=true} rewrites the files under src/test/resources. */
public final class Golden {

    private Golden() {
    }

    public static void assertMatches(String resource, String actual) throws IOException {
        Path file = Path.of("src/test/resources").resolve(resource);
        if (Boolean.getBoolean("kroll.golden.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "rendered output differs from " + file);
    }
}
