package dev.kroll.plan;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.JmxLoopback;
import dev.kroll.inventory.LogRotation;
import dev.kroll.inventory.Role;
import dev.kroll.util.ByteSize;

/**
 * JVM options per service: fixed-size heap, G1, rotated GC logs, and JMX reachable only over SSH.
 */
public final class JvmOptionsBuilder {

    /** The flags of Kafka's own start script, plus exiting on OutOfMemoryError so systemd restarts a broken JVM. */
    static final String PERFORMANCE = String.join(" ", "-server", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-XX:InitiatingHeapOccupancyPercent=35", "-XX:+ExplicitGCInvokesConcurrent", "-XX:MaxInlineLevel=15",
            "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private JvmOptionsBuilder() {
    }

    public static JvmOptions build(Host host, Role role, ByteSize heap, InstallPaths paths) {
        return build(host, role, heap, paths, LogRotation.DEFAULT);
    }

    /** @param rotation size and count of the GC log files (as for the log4j files) */
    public static JvmOptions build(Host host, Role role, ByteSize heap, InstallPaths paths, LogRotation rotation) {
        String name = role == Role.KAFKA ? "kafka" : "zookeeper";
        String address = jmxAddress(host);
        int port = role == Role.KAFKA ? host.ports().kafkaJmx() : host.ports().zookeeperJmx();
        String logDir = HostPaths.trim(paths.appLogDir());
        String gc = "-Xlog:gc*:file=" + logDir + "/" + name + "-gc.log:time,tags:filecount=" + rotation.files() + ",filesize=" + rotation.jvmSize();
        // Bound to a loopback address of this host's own (JmxLoopback) and reached through an SSH tunnel:
        // the RMI port equals the JMX port so one forwarded port suffices, and the stubs name that same
        // address, so a jump host holding one forward per broker can tell the brokers' stubs apart.
        // authenticate=false and ssl=false are acceptable only because nothing off the host can connect.
        String jmx = String.join(" ", "-Dcom.sun.management.jmxremote",
                "-Dcom.sun.management.jmxremote.host=" + address,
                "-Dcom.sun.management.jmxremote.port=" + port,
                "-Dcom.sun.management.jmxremote.rmi.port=" + port,
                "-Dcom.sun.management.jmxremote.local.only=true",
                "-Dcom.sun.management.jmxremote.authenticate=false",
                "-Dcom.sun.management.jmxremote.ssl=false",
                "-Djava.rmi.server.hostname=" + address);
        String log4j = "-Dlog4j.configuration=file:" + HostPaths.join(paths.configDir(), log4jFile(role));
        return new JvmOptions("-Xms" + heap.jvm() + " -Xmx" + heap.jvm(), PERFORMANCE, gc, jmx, log4j, logDir, address, port);
    }

    /** The log4j configuration file of a service, in the config directory. */
    public static String log4jFile(Role role) {
        return role == Role.KAFKA ? "log4j.properties" : "log4j-zookeeper.properties";
    }

    /** The host's own loopback address for JMX (see {@link JmxLoopback}). */
    public static String jmxAddress(Host host) {
        return JmxLoopback.address(host);
    }
}
