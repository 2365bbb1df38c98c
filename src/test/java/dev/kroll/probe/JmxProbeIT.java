package dev.kroll.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Ports;
import dev.kroll.inventory.Role;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.SecurityUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.StaticDecisionForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JMX over a real SSH tunnel: this JVM's own MBean server exported over RMI on 127.0.0.2 (announcing
 * 127.0.0.2, as a broker announces its host), an embedded SSH server on 127.0.0.1 allowing forwards
 * to it, and the probe's RMI routing sending the stub's connections through the forward. Kafka's
 * own MBeans are read on live brokers by the sandbox tests; here the JVM metrics prove the transport.
 */
class JmxProbeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final String BIND = "127.0.0.2";
    private static final AtomicInteger FORWARDS = new AtomicInteger();
    private static int jmxPort;
    private static Registry registry;
    private static JMXConnectorServer jmx;
    private static SshServer sshd;
    private static SSHClient ssh;
    private static ExecutorService pool;

    /** Binds RMI server sockets to 127.0.0.2 (one instance, so the registry and the connector share the port). */
    private record BindTo(String address) implements RMIServerSocketFactory {
        @Override
        public ServerSocket createServerSocket(int port) throws java.io.IOException {
            return new ServerSocket(port, 50, InetAddress.getByName(address));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(BIND))) {
            jmxPort = s.getLocalPort();
        }
        System.setProperty("java.rmi.server.hostname", BIND);
        BindTo ssf = new BindTo(BIND);
        registry = LocateRegistry.createRegistry(jmxPort, null, ssf);
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + BIND + ":" + jmxPort + "/jndi/rmi://" + BIND + ":" + jmxPort + "/jmxrmi");
        jmx = JMXConnectorServerFactory.newJMXConnectorServer(url,
                Map.of(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, ssf), ManagementFactory.getPlatformMBeanServer());
        jmx.start();

        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider());
        sshd.setPasswordAuthenticator((user, password, session) -> "kroll".equals(user) && "test-only".equals(password));
        sshd.setForwardingFilter(new StaticDecisionForwardingFilter(false) {
            @Override
            public boolean canConnect(Type type, SshdSocketAddress address, org.apache.sshd.common.session.Session session) {
                FORWARDS.incrementAndGet();
                return address.getHostName().equals(BIND) && address.getPort() == jmxPort;
            }
        });
        sshd.start();
        PublicKey hostKey = sshd.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        ssh = new SSHClient();
        ssh.addHostKeyVerifier(SecurityUtils.getFingerprint(hostKey));
        ssh.connect("127.0.0.1", sshd.getPort());
        ssh.authPassword("kroll", "test-only");
        pool = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void stop() throws Exception {
        pool.shutdownNow();
        ssh.disconnect();
        sshd.stop(true);
        jmx.stop();
        UnicastRemoteObject.unexportObject(registry, true);
        System.clearProperty("java.rmi.server.hostname");
    }

    private static Host broker() {
        Ports p = new Ports(2181, 2888, 3888, 8080, 9092, 9093, jmxPort, 9998);
        Host h = Host.of("kafka1", "127.0.0.1", Set.of(Role.KAFKA));
        return new Host(h.name(), h.address(), h.aliases(), h.roles(), h.rack(), h.groups(), 1, null, null, Map.of(),
                h.ssh(), p, Map.of(), Map.of(), h.pos(), Map.of());
    }

    @Test
    void jmxIsReadThroughAnSshTunnelAndTheConnectionIsKeptForTheNextRefresh() {
        JmxTarget target = new JmxTarget(broker(), BIND, jmxPort, true);
        try (JmxProbe probe = new JmxProbe(List.of(target), new SshTunnels(ssh), TIMEOUT)) {
            JmxSnapshot first = probe.read(pool, Instant.now(), h -> 1).get(0);
            assertTrue(first.metrics().isOk(), first.metrics().freshness().toString());
            BrokerMetrics m = first.metrics().value();
            assertTrue(m.heapUsed() > 0 && m.heapMax() >= m.heapUsed(), m.toString());
            assertTrue(m.gcCount() >= 0);
            assertEquals("ssh tunnel to 127.0.0.2:" + jmxPort, first.route());
            int forwardsAfterFirst = FORWARDS.get();
            assertTrue(forwardsAfterFirst >= 1, "the registry lookup and the stub's calls went through the SSH forward");
            JmxSnapshot second = probe.read(pool, Instant.now(), h -> 1).get(0);
            assertTrue(second.metrics().isOk());
            assertEquals(forwardsAfterFirst, FORWARDS.get(), "the second refresh reuses the open JMX connection");
        }
    }

    @Test
    void directJmxWorksWhereTheBrokerAllowsItAndADeadPortIsUnreachableWithTheReason() throws Exception {
        try (JmxProbe probe = new JmxProbe(List.of(new JmxTarget(broker(), BIND, jmxPort, false)), null, TIMEOUT)) {
            assertTrue(probe.read(pool, Instant.now(), h -> 1).get(0).metrics().isOk());
        }
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        try (JmxProbe probe = new JmxProbe(List.of(new JmxTarget(broker(), "127.0.0.1", dead, false)), null, TIMEOUT)) {
            JmxSnapshot j = probe.read(pool, Instant.now(), h -> 1).get(0);
            assertEquals(Freshness.Status.UNREACHABLE, j.metrics().freshness().status());
            assertEquals("connection refused on direct 127.0.0.1:" + dead, j.metrics().freshness().reason());
        }
    }
}
