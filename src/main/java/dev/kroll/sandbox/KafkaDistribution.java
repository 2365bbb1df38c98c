package dev.kroll.sandbox;

import dev.kroll.util.KrollException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * The Kafka tarball the sandbox installs on its hosts: {@code kafka_2.13-<version>.tgz}, built by kroll's
 * Maven build from the Maven artifacts (src/dist/kafka) or downloaded from Apache, both laid out alike.
 *
 * @param tarball the {@code .tgz}
 * @param version the Kafka version, e.g. {@code 3.9.1}
 */
public record KafkaDistribution(Path tarball, String version) {

    /** The property that names a tarball explicitly (tests, or a real Apache download). */
    public static final String PROPERTY = "kroll.kafka.dist";

    /** The directory the tarball unpacks to, e.g. {@code kafka_2.13-3.9.1}. */
    public String directoryName() {
        return fileName(version).replace(".tgz", "");
    }

    public static String fileName(String version) {
        return "kafka_2.13-" + version + ".tgz";
    }

    /** The Kafka version kroll is built with: that of kafka-clients, which the pom keeps equal to the distribution's. */
    public static String expectedVersion() {
        return AppInfoParser.getVersion();
    }

    /**
     * Finds the tarball: {@value #PROPERTY} if set, else next to the running jar (target/kroll.jar), else in
     * the {@code target/} beside the classes (tests) or under the working directory.
     */
    public static KafkaDistribution locate() {
        String version = expectedVersion();
        String explicit = System.getProperty(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit).toAbsolutePath();
            if (!Files.isRegularFile(p)) {
                throw KrollException.badInput("-D" + PROPERTY + " names " + p + ", which does not exist; point it at a kafka_2.13-"
                        + version + ".tgz");
            }
            return new KafkaDistribution(p, versionOf(p.getFileName().toString(), version));
        }
        return locate(candidateDirs(), version);
    }

    static KafkaDistribution locate(List<Path> dirs, String version) {
        for (Path dir : dirs) {
            Path p = dir.resolve(fileName(version));
            if (Files.isRegularFile(p)) {
                return new KafkaDistribution(p.toAbsolutePath().normalize(), version);
            }
        }
        throw KrollException.failure("no Kafka distribution " + fileName(version) + " next to kroll.jar or in target/;"
                + " build it with 'mvn -B package -DskipTests' in kroll's source tree (or run demo/run)", null);
    }

    private static String versionOf(String fileName, String fallback) {
        return fileName.startsWith("kafka_2.13-") && fileName.endsWith(".tgz")
                ? fileName.substring("kafka_2.13-".length(), fileName.length() - ".tgz".length()) : fallback;
    }

    private static List<Path> candidateDirs() {
        Set<Path> dirs = new LinkedHashSet<>();
        codeLocation().ifPresent(loc -> {
            // target/kroll.jar -> target/; target/classes or target/test-classes -> target/
            Path parent = loc.getParent();
            if (parent != null) {
                dirs.add(parent);
            }
        });
        Path cwd = Path.of("").toAbsolutePath();
        dirs.add(cwd.resolve("target"));
        dirs.add(cwd);
        return new ArrayList<>(dirs);
    }

    private static java.util.Optional<Path> codeLocation() {
        try {
            CodeSource src = KafkaDistribution.class.getProtectionDomain().getCodeSource();
            return src == null || src.getLocation() == null ? java.util.Optional.empty()
                    : java.util.Optional.of(Path.of(src.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }
}
