package dev.kroll.inventory;

import java.util.List;

/**
 * Where things live on a host. {@code kafkaHome} holds the unpacked distribution ({@code bin/},
 * {@code libs/}); {@code configDir} the rendered configuration; {@code secretsDir} keystores and
 * their password files (0600, service user).
 *
 * <p>A relative path is relative to the SSH login directory of each host (its home), resolved per host
 * with {@link #resolvedAgainst}: one inventory then serves hosts whose trees differ, such as the
 * sandbox's simulated hosts, which share one machine and each have their own home.
 */
public record InstallPaths(String kafkaHome, String configDir, String secretsDir, String zookeeperDataDir,
                           List<String> logDirs, String appLogDir, String serviceUser) {

    public static final InstallPaths DEFAULT = new InstallPaths("/opt/kafka", "/etc/kafka", "/etc/kafka/ssl",
            "/var/lib/zookeeper", List.of("/srv/kafka-logs"), "/var/log/kafka", "kafka");

    public InstallPaths {
        logDirs = List.copyOf(logDirs);
    }

    /** Whether any path is relative to the login directory. */
    public boolean hasRelative() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(kafkaHome, configDir, secretsDir, zookeeperDataDir, appLogDir),
                logDirs.stream()).anyMatch(p -> !p.startsWith("/"));
    }

    /** The same paths with relative ones made absolute against {@code loginDir} (a host's home). Pure. */
    public InstallPaths resolvedAgainst(String loginDir) {
        String base = loginDir.endsWith("/") ? loginDir.substring(0, loginDir.length() - 1) : loginDir;
        java.util.function.UnaryOperator<String> abs = p -> p.startsWith("/") ? p : base + "/" + p;
        return new InstallPaths(abs.apply(kafkaHome), abs.apply(configDir), abs.apply(secretsDir), abs.apply(zookeeperDataDir),
                logDirs.stream().map(abs).toList(), abs.apply(appLogDir), serviceUser);
    }
}
