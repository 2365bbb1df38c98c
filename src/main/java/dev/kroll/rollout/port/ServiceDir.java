package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A directory a service writes to (Kafka's {@code log.dirs}, ZooKeeper's {@code dataDir}, the
 * application log directory), which must exist, owned by the service user, before the first start.
 *
 * @param mode    POSIX permissions: data 0750 (topic data and snapshots are nobody else's business),
 *                the application log directory 0755 (log shippers and operators read it)
 * @param purpose what it is, for messages
 */
public record ServiceDir(String path, int mode, String purpose) {

    public static final int DATA = 0750;
    public static final int LOGS = 0755;

    /** The directories the services of {@code host} write to, for its roles. Pure. */
    public static List<ServiceDir> of(Host host, InstallPaths paths) {
        List<ServiceDir> dirs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (host.has(Role.KAFKA)) {
            for (String d : paths.logDirs()) {
                if (seen.add(d)) {
                    dirs.add(new ServiceDir(d, DATA, "Kafka log dir"));
                }
            }
        }
        if (host.has(Role.ZOOKEEPER) && seen.add(paths.zookeeperDataDir())) {
            dirs.add(new ServiceDir(paths.zookeeperDataDir(), DATA, "ZooKeeper dataDir"));
        }
        if ((host.has(Role.KAFKA) || host.has(Role.ZOOKEEPER)) && seen.add(paths.appLogDir())) {
            dirs.add(new ServiceDir(paths.appLogDir(), LOGS, "application log dir"));
        }
        return dirs;
    }

    public String modeText() {
        return String.format("%04o", mode);
    }
}
