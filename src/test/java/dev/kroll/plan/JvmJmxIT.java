package dev.kroll.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.Ports;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.SshSettings;
import dev.kroll.util.ByteSize;
import dev.kroll.util.SourcePos;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.Test;

/**
 * Starts a real JVM with the JMX options kroll renders for a simulated host on 127.0.0.x and reads an
 * MBean through the single port, as an SSH tunnel would; the port answers on that address only.
 */
class JvmJmxIT {

    @Test
    void aJvmWithKrollsJmxOptionsIsReachableOnItsLoopbackAddressOnly() throws Exception {
        runAndRead("sim", "127.0.0.47", "127.0.0.47");
    }

    /** A real host (10.x) binds JMX to its own 127.a.b.c, and its stubs name that address: reachable there only. */
    @Test
    void aProductionHostsJvmAnswersOnItsOwnDerivedLoopbackAddressOnly() throws Exception {
        String address = dev.kroll.inventory.JmxLoopback.address(Host.of("kafka7.prod.example.com", "10.0.0.7", Set.of(Role.KAFKA)));
        runAndRead("kafka7.prod.example.com", "10.0.0.7", address);
    }

    private static void runAndRead(String name, String hostAddress, String address) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            port = probe.getLocalPort();
        }
        Host host = new Host(name, hostAddress, List.of(), Set.of(Role.KAFKA), null, List.of(), null, null, null, Map.of(),
                SshSettings.DEFAULT, new Ports(2181, 2888, 3888, 8080, 9092, 9093, port, port + 1),
                Map.of(), Map.of(), SourcePos.NONE, Map.of());
        JvmOptions o = JvmOptionsBuilder.build(host, Role.KAFKA, ByteSize.ofMiB(64), InstallPaths.DEFAULT);
        assertEquals(address, o.jmxAddress());
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(Arrays.asList(o.heap().split(" ")));
        cmd.addAll(Arrays.asList(o.jmx().split(" ")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Sleeper.class.getName()));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + address + ":" + port + "/jmxrmi");
            try (JMXConnector c = connect(url)) {
                RuntimeMXBean runtime = ManagementFactory.newPlatformMXBeanProxy(c.getMBeanServerConnection(),
                        ManagementFactory.RUNTIME_MXBEAN_NAME, RuntimeMXBean.class);
                assertEquals(child.pid(), runtime.getPid());
                assertTrue(runtime.getInputArguments().contains("-Xmx64m"));
            }
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                }
            }, "JMX must not listen on other addresses");
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Retries while the child JVM starts its agent (bounded). */
    private static JMXConnector connect(JMXServiceURL url) throws Exception {
        IOException last = null;
        for (int i = 0; i < 100; i++) {
            try {
                return JMXConnectorFactory.connect(url);
            } catch (IOException e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw last;
    }

    /** The child: does nothing for at most a minute. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }
}
