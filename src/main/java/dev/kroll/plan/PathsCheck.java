package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryValidator;
import dev.kroll.inventory.PathOverrides;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The install paths end up unquoted in Kafka's start scripts, comma-separated in log.dirs and inside
 * double quotes in the env files: they must be absolute and free of blanks, quotes, '$', '`', '\' and ','.
 * The cluster's {@code paths} are checked once, and each host's own {@code paths} for the keys it gives.
 */
final class PathsCheck {

    private static final Pattern SAFE = Pattern.compile("/[A-Za-z0-9._+@%=:/-]*");

    private PathsCheck() {
    }

    static void check(Inventory inv, List<Problem> problems) {
        check(PathOverrides.of(inv.paths()), "", inv.pos(), problems);
        for (Host h : inv.hosts()) {
            check(h.paths(), " of host " + h.name(), h.pos("paths"), problems);
        }
    }

    private static void check(PathOverrides p, String of, SourcePos pos, List<Problem> problems) {
        for (Map.Entry<String, String> e : p.directories()) {
            if (!e.getValue().startsWith("/")) {
                problems.add(InventoryValidator.relativePath(e.getKey(), of, e.getValue(), pos));
            } else if (!SAFE.matcher(e.getValue()).matches()) {
                problems.add(Problem.error(pos, "paths." + e.getKey() + of + " '" + e.getValue() + "' is not a plain absolute path",
                        "use an absolute path of letters, digits and . _ - + @ % = : only (no blanks, quotes, '$' or ',')"));
            }
        }
        if (p.serviceUser() != null && !p.serviceUser().matches("[a-z_][a-z0-9_-]*\\$?")) {
            problems.add(Problem.error(pos, "paths.service_user" + of + " '" + p.serviceUser() + "' is not a valid user name",
                    "use a system user name such as 'kafka'"));
        }
    }
}
