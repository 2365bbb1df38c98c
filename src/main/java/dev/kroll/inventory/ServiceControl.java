package dev.kroll.inventory;

/**
 * How one service (Kafka or ZooKeeper) is started, stopped and queried on its hosts. With
 * {@link ServiceManager#SYSTEMD} only {@code unit} is used; with {@link ServiceManager#SCRIPT} the
 * three commands are run as given (status exits 0 when the service runs).
 */
public record ServiceControl(String unit, String start, String stop, String status) {
}
