package dev.kroll.inventory;

/**
 * How the services are run on the hosts.
 *
 * @param unitDir     where systemd unit files go (with {@code manager: systemd}), an absolute path
 * @param logRotation size and count of the services' rotated logs (log4j and GC)
 */
public record Services(ServiceManager manager, ServiceControl kafka, ServiceControl zookeeper, String unitDir, LogRotation logRotation) {

    public static final String DEFAULT_UNIT_DIR = "/etc/systemd/system";

    public static final Services DEFAULT = new Services(ServiceManager.SYSTEMD,
            new ServiceControl("kafka.service", null, null, null),
            new ServiceControl("zookeeper.service", null, null, null));

    public Services(ServiceManager manager, ServiceControl kafka, ServiceControl zookeeper) {
        this(manager, kafka, zookeeper, DEFAULT_UNIT_DIR, LogRotation.DEFAULT);
    }

    public ServiceControl of(Role role) {
        return role == Role.KAFKA ? kafka : zookeeper;
    }

    public Services withLogRotation(LogRotation rotation) {
        return new Services(manager, kafka, zookeeper, unitDir, rotation);
    }

    public Services withManager(ServiceManager m, ServiceControl k, ServiceControl z, String dir) {
        return new Services(m, k, z, dir, logRotation);
    }
}
