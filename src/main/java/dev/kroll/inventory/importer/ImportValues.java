package dev.kroll.inventory.importer;

import dev.kroll.inventory.Advertise;
import dev.kroll.inventory.Firewall;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Monitoring;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.Services;
import dev.kroll.inventory.TlsSettings;
import dev.kroll.util.ByteSize;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import dev.kroll.util.yaml.Fields;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parsing of the values every foreign format shares (numbers, sizes, role lists), with problems instead of exceptions. */
final class ImportValues {

    /** Roles in one cell or word list: {@code zookeeper;kafka}, {@code zk|broker}, {@code kafka zookeeper}, {@code zk,kafka}. */
    static final Pattern ROLE_SEPARATORS = Pattern.compile("[;|,\\s]+");

    /** File names that say nothing about the cluster, so they make a poor cluster name. */
    private static final Set<String> GENERIC_NAMES = Set.of("hosts", "inventory", "cluster", "nodes", "servers", "production", "all");

    private ImportValues() {
    }

    static Integer integer(String text, int min, int max, SourcePos pos, String what, List<Problem> problems) {
        try {
            int v = Integer.parseInt(text.trim());
            if (v < min || v > max) {
                problems.add(Problem.error(pos, what + " is " + v + ", " + Fields.outside(min, max), Fields.rangeHint(min, max)));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(Problem.error(pos, what + " must be a whole number, found '" + text + "'", Fields.rangeHint(min, max)));
            return null;
        }
    }

    static ByteSize memory(String text, SourcePos pos, String what, List<Problem> problems) {
        try {
            return ByteSize.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(pos, what + ": " + e.getMessage(), "write the host's RAM, e.g. 32g"));
            return null;
        }
    }

    /** Parses a role list; unknown words are reported with the closest role word. */
    static Set<Role> roles(String text, SourcePos pos, String owner, List<Problem> problems) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String word : ROLE_SEPARATORS.split(text.trim())) {
            if (word.isEmpty()) {
                continue;
            }
            Role.parse(word).ifPresentOrElse(roles::add, () -> problems.add(Problem.error(pos,
                    "unknown role '" + word + "' of " + owner, roleHint(word))));
        }
        return roles;
    }

    static String roleHint(String word) {
        return Role.hint(word);
    }

    static boolean isRoleWord(String word) {
        return Role.parse(word).isPresent();
    }

    /** --cluster, else the source file's name without extension, else "kafka" (for names like hosts.ini). */
    static String clusterName(ImportOptions options, String sourceName) {
        if (options.cluster() != null && !options.cluster().isBlank()) {
            return options.cluster().trim();
        }
        if (sourceName != null) {
            String base = sourceName;
            int dot = base.indexOf('.');
            if (dot > 0) {
                base = base.substring(0, dot);
            }
            base = base.replaceAll("[^A-Za-z0-9_-]", "-");
            if (!base.isBlank() && !GENERIC_NAMES.contains(base.toLowerCase(Locale.ROOT))) {
                return base;
            }
        }
        return "kafka";
    }

    static String clusterName(ImportOptions options, Path source) {
        return clusterName(options, source.getFileName() == null ? null : source.getFileName().toString());
    }

    /** Reads a source file as UTF-8 (a leading byte-order mark, as spreadsheets write it, is dropped). */
    static String readText(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw KrollException.badInput(file + ": file not found — check the path");
        } catch (MalformedInputException e) {
            throw KrollException.badInput(file + ": not UTF-8 text — save it as UTF-8 (CSV UTF-8 in spreadsheets)");
        } catch (IOException e) {
            throw KrollException.badInput(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** A kroll inventory holding only hosts, everything else at kroll's defaults. */
    static Inventory inventory(String cluster, SourcePos pos, List<Host> hosts) {
        return new Inventory(cluster, null, null, null, Advertise.NAME, InstallPaths.DEFAULT, Services.DEFAULT,
                Map.of(), Map.of(), Map.of(), hosts, Monitoring.DEFAULT, Firewall.DEFAULT, TlsSettings.DEFAULT, pos);
    }
}
