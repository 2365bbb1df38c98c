package dev.kroll.rollout.playbook;

import dev.kroll.util.DidYouMean;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Where playbooks are found: a path as given; else {@code <name>.yaml} beside the including
 * playbook, then in each search directory (the inventory's {@code playbooks/}), then kroll's
 * built-in playbooks (the repository's {@code playbooks/}, packaged in the jar).
 */
public final class PlaybookSources {

    /** The built-in playbooks; a test checks this list against the repository's playbooks/ directory. */
    public static final List<String> BUILTIN = List.of("first-time-setup", "ssl-migration", "rolling-restart", "cert-rotation");

    private static final String BUILTIN_PREFIX = "builtin:";

    private final List<Path> dirs;

    public PlaybookSources(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /** A playbook's text and where it came from. {@code path} is null for a built-in one. */
    public record Source(String name, String label, Path path, String text) {

        /** The directory an include is looked up in first, from a source label. */
        static Path parentOf(String label) {
            if (label == null || label.startsWith(BUILTIN_PREFIX)) {
                return null;
            }
            return Path.of(label).toAbsolutePath().getParent();
        }
    }

    /** @param besides the directory of the including playbook, or null */
    public Source find(String nameOrPath, Path besides) {
        if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml") || nameOrPath.contains("/")) {
            Path p = besides != null && !Path.of(nameOrPath).isAbsolute() && Files.exists(besides.resolve(nameOrPath))
                    ? besides.resolve(nameOrPath) : Path.of(nameOrPath);
            if (!Files.isRegularFile(p)) {
                throw KrollException.badInput(p + ": playbook file not found");
            }
            return file(p);
        }
        List<Path> candidates = new ArrayList<>();
        if (besides != null) {
            candidates.add(besides);
        }
        candidates.addAll(dirs);
        for (Path d : candidates) {
            Path p = d.resolve(nameOrPath + ".yaml");
            if (Files.isRegularFile(p)) {
                return file(p);
            }
        }
        Optional<String> builtin = builtin(nameOrPath);
        if (builtin.isPresent()) {
            return new Source(nameOrPath, BUILTIN_PREFIX + nameOrPath, null, builtin.get());
        }
        throw KrollException.badInput("no playbook '" + nameOrPath + "'"
                + DidYouMean.closest(nameOrPath, available()).map(s -> " — did you mean '" + s + "'?")
                        .orElse(" — available: " + String.join(", ", available())));
    }

    /** Every playbook name that {@link #find} knows. */
    public List<String> available() {
        TreeSet<String> names = new TreeSet<>(BUILTIN);
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(d, "*.yaml")) {
                    ds.forEach(p -> names.add(p.getFileName().toString().replaceFirst("\\.yaml$", "")));
                } catch (IOException e) {
                    // an unreadable directory just contributes nothing to the list
                }
            }
        }
        return List.copyOf(names);
    }

    private static Source file(Path p) {
        try {
            String name = p.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            return new Source(name, p.toString(), p, Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw KrollException.badInput(p + ": cannot read (" + e.getMessage() + ")");
        }
    }

    static Optional<String> builtin(String name) {
        if (!BUILTIN.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = PlaybookSources.class.getResourceAsStream("/playbooks/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in playbook " + name + " is missing from the jar");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in playbook " + name, e);
        }
    }
}
