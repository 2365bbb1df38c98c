package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import java.io.IOException;

/** Puts a Kafka distribution (with its ZooKeeper) into the host's {@code kafka_home}. */
public interface Installer {

    /**
     * @param source a Kafka tarball ({@code kafka_2.13-3.9.x.tgz}) or an unpacked distribution
     *               directory with the same layout (the sandbox's)
     */
    WriteOutcome install(Host host, String source) throws IOException;
}
