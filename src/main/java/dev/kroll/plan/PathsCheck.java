package dev.kroll.plan;

import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.Inventory;
import dev.kroll.util.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The install paths end up unquoted in Kafka's start scripts, comma-separated in log.dirs and inside
 * double quotes in the env files: they must be absolute and free of blanks, quotes, '$', '`', '\' and ','.
 */
final class PathsCheck {

    private static final Pattern SAFE = Pattern.compile("/[A-Za-z0-9._+@%=:/-]*");

    private PathsCheck() {
    }

    static void check(Inventory inv, List<Problem> problems) {
        InstallPaths p = inv.paths();
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("kafka_home", p.kafkaHome());
        paths.put("config_dir", p.configDir());
        paths.put("secrets_dir", p.secretsDir());
        paths.put("zookeeper_data_dir", p.zookeeperDataDir());
        paths.put("app_log_dir", p.appLogDir());
        for (String dir : p.logDirs()) {
            paths.putIfAbsent("log_dirs " + dir, dir);
        }
        paths.forEach((name, path) -> {
            if (!SAFE.matcher(path).matches()) {
                problems.add(Problem.error(inv.pos(), "paths." + name.split(" ")[0] + " '" + path + "' is not a plain absolute path",
                        "use an absolute path of letters, digits and . _ - + @ % = : only (no blanks, quotes, '$' or ',')"));
            }
        });
        if (!p.serviceUser().matches("[a-z_][a-z0-9_-]*\\$?")) {
            problems.add(Problem.error(inv.pos(), "paths.service_user '" + p.serviceUser() + "' is not a valid user name",
                    "use a system user name such as 'kafka'"));
        }
    }
}
