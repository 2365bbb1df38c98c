package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import java.io.IOException;
import java.util.List;

/** Puts a Kafka distribution (with its ZooKeeper) into the host's {@code kafka_home}. */
public interface Installer {

    /**
     * @param source a Kafka tarball ({@code kafka_2.13-3.9.x.tgz}) or an unpacked distribution
     *               directory with the same layout (the sandbox's)
     */
    WriteOutcome install(Host host, String source) throws IOException;

    /**
     * Creates {@code dirs} that are missing and sets their modes, and, where the host is worked on as root
     * (become, or a root login), makes {@code owner} (the service user) their owner. Idempotent: CHANGED only
     * when something was created or fixed.
     */
    WriteOutcome createDirectories(Host host, List<ServiceDir> dirs, String owner) throws IOException;
}
