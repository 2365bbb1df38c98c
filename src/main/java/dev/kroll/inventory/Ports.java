package dev.kroll.inventory;

/**
 * The ports a host's services use. Production keeps the defaults; the sandbox may move them when
 * loopback aliases are not available.
 */
public record Ports(int zookeeperClient, int zookeeperPeer, int zookeeperElection, int zookeeperAdmin,
                    int kafkaPlaintext, int kafkaSsl, int kafkaJmx, int zookeeperJmx) {

    public static final Ports DEFAULT = new Ports(2181, 2888, 3888, 8080, 9092, 9093, 9999, 9998);
}
