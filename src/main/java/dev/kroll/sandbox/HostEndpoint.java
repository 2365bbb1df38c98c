package dev.kroll.sandbox;

import dev.kroll.inventory.Ports;
import java.util.List;

/**
 * Where one simulated host listens: its SSH server and, once installed, its services.
 *
 * @param index 0-based position in the sandbox
 * @param name  the host's name, e.g. {@code kroll-sandbox-1} (resolves nowhere; kroll connects to the address)
 */
public record HostEndpoint(int index, String name, String address, int sshPort, Ports ports) {

    /** Every port this host listens on, SSH first. */
    public List<Integer> allPorts() {
        Ports p = ports;
        return p.zookeeperAdmin() > 0
                ? List.of(sshPort, p.zookeeperClient(), p.zookeeperPeer(), p.zookeeperElection(), p.zookeeperAdmin(),
                        p.kafkaPlaintext(), p.kafkaSsl(), p.kafkaJmx(), p.zookeeperJmx())
                : List.of(sshPort, p.zookeeperClient(), p.zookeeperPeer(), p.zookeeperElection(),
                        p.kafkaPlaintext(), p.kafkaSsl(), p.kafkaJmx(), p.zookeeperJmx());
    }
}
