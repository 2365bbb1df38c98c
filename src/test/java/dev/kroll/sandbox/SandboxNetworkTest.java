package dev.kroll.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Ports;
import dev.kroll.util.KrollException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.schmizz.sshj.SSHClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxNetworkTest {

    @Test
    void withAliasesEveryHostHasItsOwnAddressAndTheProductionPorts() {
        List<HostEndpoint> hosts = SandboxNetwork.plan(3, 0, SandboxNetwork.Mode.ALIASES);

        assertEquals(List.of("127.0.0.10", "127.0.0.11", "127.0.0.12"), hosts.stream().map(HostEndpoint::address).toList());
        assertEquals(List.of("kroll-sandbox-1", "kroll-sandbox-2", "kroll-sandbox-3"), hosts.stream().map(HostEndpoint::name).toList());
        for (HostEndpoint h : hosts) {
            assertEquals(SandboxNetwork.SSH_PORT, h.sshPort());
            assertEquals(Ports.DEFAULT.kafkaPlaintext(), h.ports().kafkaPlaintext());
            assertEquals(Ports.DEFAULT.zookeeperClient(), h.ports().zookeeperClient());
        }
        assertEquals("127.0.7.12", SandboxNetwork.plan(3, 7, SandboxNetwork.Mode.ALIASES).get(2).address());
    }

    @Test
    void theSharedAddressFallbackNeverGivesTwoListenersOnePortAcrossHostsAndSlots() {
        Set<Integer> seen = new HashSet<>();
        for (int slot = 0; slot < SandboxNetwork.maxSlots(SandboxNetwork.Mode.SHARED_ADDRESS); slot++) {
            for (HostEndpoint h : SandboxNetwork.plan(SandboxNetwork.MAX_HOSTS, slot, SandboxNetwork.Mode.SHARED_ADDRESS)) {
                assertEquals("127.0.0.1", h.address());
                for (int port : h.allPorts()) {
                    assertTrue(seen.add(port), "port " + port + " given twice (" + h + ")");
                }
            }
        }
    }

    @Test
    void aSandboxHasOneToNineHosts() {
        assertThrows(KrollException.class, () -> SandboxNetwork.plan(0, 0, SandboxNetwork.Mode.ALIASES));
        assertThrows(KrollException.class, () -> SandboxNetwork.plan(10, 0, SandboxNetwork.Mode.ALIASES));
    }

    @Test
    void inTheFallbackHostsShare127001AndAreReachedOnTheirOwnPorts(@TempDir Path tmp) throws Exception {
        System.setProperty(SandboxNetwork.ALIASES_PROPERTY, "false");
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Spec(tmp.resolve("sb"), 2, null))) {
            assertEquals(SandboxNetwork.Mode.SHARED_ADDRESS, sandbox.mode());
            String knownHosts = Files.readString(sandbox.layout().knownHosts());
            for (SandboxHost h : sandbox.hosts()) {
                assertEquals("127.0.0.1", h.address());
                assertTrue(knownHosts.contains("[127.0.0.1]:" + h.endpoint().sshPort() + " "), knownHosts);
                try (SSHClient c = SandboxHostTest.connect(sandbox, h)) {
                    assertEquals(h.home().toString(), SandboxHostTest.exec(c, "pwd"));
                }
            }
            assertEquals(10, sandbox.hosts().get(1).endpoint().sshPort() - sandbox.hosts().get(0).endpoint().sshPort());
        } finally {
            System.clearProperty(SandboxNetwork.ALIASES_PROPERTY);
        }
    }
}
