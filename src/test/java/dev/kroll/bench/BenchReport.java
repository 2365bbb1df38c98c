package dev.kroll.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes one benchmark's results into its own section of docs/benchmarks.md, between
 * {@code <!-- bench:NAME -->} markers, so benchmarks can be run one at a time without losing the others.
 */
public final class BenchReport {

    private static final Path FILE = Path.of("docs", "benchmarks.md");

    private BenchReport() {
    }

    public static synchronized void write(String name, String title, String markdown) throws IOException {
        String begin = "<!-- bench:" + name + " -->";
        String end = "<!-- /bench:" + name + " -->";
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + LocalDate.now();
        String section = begin + "\n## " + title + "\n\n_Measured on " + machine + "._\n\n" + markdown.strip() + "\n" + end;
        String doc = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nResults of `mvn -B -Pbench verify` (one benchmark: `-Dtest=ClassName`). "
                + "Targets are checked here, never in tests.\n";
        int b = doc.indexOf(begin);
        int e = doc.indexOf(end);
        if (b >= 0 && e > b) {
            doc = doc.substring(0, b) + section + doc.substring(e + end.length());
        } else {
            doc = doc.stripTrailing() + "\n\n" + section + "\n";
        }
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, doc, StandardCharsets.UTF_8);
    }
}
