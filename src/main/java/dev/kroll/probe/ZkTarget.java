package dev.kroll.probe;

import dev.kroll.inventory.Host;
import java.net.InetSocketAddress;

/**
 * Where one ZooKeeper server is reached.
 *
 * @param adminPort the AdminServer's HTTP port, or 0 for none
 */
public record ZkTarget(String host, String address, int clientPort, int adminPort) {

    public static ZkTarget of(Host h) {
        return new ZkTarget(h.name(), h.address(), h.ports().zookeeperClient(), h.ports().zookeeperAdmin());
    }

    public InetSocketAddress clientAddress() {
        return new InetSocketAddress(address, clientPort);
    }

    public String clientEndpoint() {
        return HostPorts.format(address, clientPort);
    }
}
