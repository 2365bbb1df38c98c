package dev.kroll.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under src/test/resources/inventories/bad is imported through the command line and must
 * produce exactly the lines of its sibling {@code .expected} file (first line {@code # exit N}), with
 * the directory left out of the file names. Adding a file and its {@code .expected} adds a case.
 */
class BadInventoryCorpusTest {

    static final Path DIR = Path.of("src/test/resources/inventories/bad");

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            List<Path> inputs = files.filter(f -> !f.toString().endsWith(".expected")).sorted().toList();
            assertTrue(inputs.size() >= 40, "the corpus is there");
            return inputs.stream();
        }
    }

    static Stream<Path> krollYamlCorpus() throws IOException {
        return corpus().filter(f -> format(f).equals("yaml"));
    }

    static String format(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".ansible.yml") || name.endsWith(".ini")) {
            return "ansible";
        }
        if (name.endsWith(".yaml")) {
            return "yaml";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".hosts")) {
            return "hosts";
        }
        throw new IllegalArgumentException("no format for " + name + ": name it .yaml, .csv, .hosts, .ini or .ansible.yml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void importReportsExactlyTheExpectedProblems(Path file) throws IOException {
        List<String> expected = Files.readAllLines(Path.of(file + ".expected"), StandardCharsets.UTF_8);
        assertTrue(expected.get(0).startsWith("# exit "), "first line of the .expected file is '# exit N'");
        int exit = Integer.parseInt(expected.get(0).substring("# exit ".length()).trim());
        List<String> lines = expected.subList(1, expected.size());
        assertFalse(lines.isEmpty(), "each bad inventory expects at least one message");

        Run run = run("inventory", "import", "--from", format(file), file.toString());

        assertEquals(lines, run.errLines(), "messages for " + file.getFileName());
        assertEquals(exit, run.exit(), "exit code for " + file.getFileName());
        if (exit != 0) {
            assertEquals("", run.out(), "nothing written to stdout when the import fails");
        }
        assertTrue(run.err().lines().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), "no stack trace without --debug");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("krollYamlCorpus")
    void checkReportsTheSameProblemsForKrollYaml(Path file) throws IOException {
        List<String> expected = Files.readAllLines(Path.of(file + ".expected"), StandardCharsets.UTF_8);
        Run run = run("inventory", "check", "-i", file.toString());
        if (expected.get(0).equals("# exit 0")) {
            assertEquals(0, run.exit());
            for (String warning : expected.subList(1, expected.size())) {
                assertTrue(run.out().lines().map(BadInventoryCorpusTest::strip).anyMatch(warning::equals), "check shows " + warning);
            }
        } else {
            assertEquals(2, run.exit());
            assertEquals(expected.subList(1, expected.size()), run.errLines());
        }
    }

    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().map(BadInventoryCorpusTest::strip).toList();
        }
    }

    private static String strip(String line) {
        return line.replace(DIR + "/", "");
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }
}
