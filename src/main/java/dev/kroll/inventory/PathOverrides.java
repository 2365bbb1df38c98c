package dev.kroll.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A host's own {@code paths:}: the keys it gives replace the cluster's, the rest are inherited
 * (e.g. a host whose disks are mounted elsewhere gives only {@code log_dirs}). Null means "not given".
 */
public record PathOverrides(String kafkaHome, String configDir, String secretsDir, String zookeeperDataDir,
                            List<String> logDirs, String appLogDir, String serviceUser) {

    public static final PathOverrides NONE = new PathOverrides(null, null, null, null, null, null, null);

    public PathOverrides {
        logDirs = logDirs == null || logDirs.isEmpty() ? null : List.copyOf(logDirs);
    }

    /** Every path given (the service user inherited): a host whose whole tree differs. */
    public static PathOverrides allPaths(InstallPaths p) {
        return new PathOverrides(p.kafkaHome(), p.configDir(), p.secretsDir(), p.zookeeperDataDir(), p.logDirs(), p.appLogDir(), null);
    }

    /** All of the cluster's paths as overrides (to check them the same way as a host's). */
    public static PathOverrides of(InstallPaths p) {
        return new PathOverrides(p.kafkaHome(), p.configDir(), p.secretsDir(), p.zookeeperDataDir(), p.logDirs(), p.appLogDir(),
                p.serviceUser());
    }

    /** The directories given, by inventory key ({@code log_dirs} once per directory), in key order. */
    public List<Map.Entry<String, String>> directories() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        add(out, "kafka_home", kafkaHome);
        add(out, "config_dir", configDir);
        add(out, "secrets_dir", secretsDir);
        add(out, "zookeeper_data_dir", zookeeperDataDir);
        if (logDirs != null) {
            logDirs.forEach(d -> add(out, "log_dirs", d));
        }
        add(out, "app_log_dir", appLogDir);
        return out;
    }

    private static void add(List<Map.Entry<String, String>> out, String key, String value) {
        if (value != null) {
            out.add(Map.entry(key, value));
        }
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** The cluster's paths with these overrides applied. Pure. */
    public InstallPaths over(InstallPaths base) {
        return new InstallPaths(or(kafkaHome, base.kafkaHome()), or(configDir, base.configDir()), or(secretsDir, base.secretsDir()),
                or(zookeeperDataDir, base.zookeeperDataDir()), logDirs == null ? base.logDirs() : logDirs,
                or(appLogDir, base.appLogDir()), or(serviceUser, base.serviceUser()));
    }

    private static String or(String given, String inherited) {
        return given == null ? inherited : given;
    }
}
