package dev.kroll.inventory;

public record Services(ServiceManager manager, ServiceControl kafka, ServiceControl zookeeper) {

    public static final Services DEFAULT = new Services(ServiceManager.SYSTEMD,
            new ServiceControl("kafka.service", null, null, null),
            new ServiceControl("zookeeper.service", null, null, null));

    public ServiceControl of(Role role) {
        return role == Role.KAFKA ? kafka : zookeeper;
    }
}
