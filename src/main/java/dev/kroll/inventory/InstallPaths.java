package dev.kroll.inventory;

import java.util.List;

/**
 * Where things live on a host. {@code kafkaHome} holds the unpacked distribution ({@code bin/},
 * {@code libs/}); {@code configDir} the rendered configuration; {@code secretsDir} keystores and
 * their password files (0600, service user). Every path is absolute (the planner refuses others); a
 * host may override any of them ({@link PathOverrides}, {@link Inventory#pathsFor}).
 */
public record InstallPaths(String kafkaHome, String configDir, String secretsDir, String zookeeperDataDir,
                           List<String> logDirs, String appLogDir, String serviceUser) {

    public static final InstallPaths DEFAULT = new InstallPaths("/opt/kafka", "/etc/kafka", "/etc/kafka/ssl",
            "/var/lib/zookeeper", List.of("/srv/kafka-logs"), "/var/log/kafka", "kafka");

    public InstallPaths {
        logDirs = List.copyOf(logDirs);
    }
}
