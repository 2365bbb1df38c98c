package dev.kroll.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.cli.Main;
import dev.kroll.inventory.Advertise;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryValidator;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.ServiceManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxInventoryTest {

    @TempDir
    Path tmp;

    private Inventory written(int hosts) {
        SandboxLayout layout = new SandboxLayout(tmp.resolve("sb" + hosts));
        return SandboxInventory.write(layout, SandboxNetwork.plan(hosts, 0, SandboxNetwork.Mode.ALIASES), "alice");
    }

    @Test
    void threeHostsRunZookeeperAndKafkaEachAndAdvertiseAddresses() {
        Inventory inv = written(3);

        assertEquals("sandbox", inv.cluster());
        assertEquals(Advertise.ADDRESS, inv.advertise());
        assertEquals(3, inv.hosts(Role.ZOOKEEPER).size());
        assertEquals(3, inv.hosts(Role.KAFKA).size());
        Host h1 = inv.hosts().get(0);
        assertEquals("kroll-sandbox-1", h1.name());
        assertEquals("127.0.0.10", h1.address());
        assertEquals("alice", h1.ssh().user());
        assertEquals(SandboxNetwork.SSH_PORT, h1.ssh().port());
        assertEquals(new SandboxLayout(tmp.resolve("sb3")).clientKey().toString(), h1.ssh().keyFile());
        assertEquals("256m", h1.heap().get("kafka"));
        assertEquals("128m", h1.heap().get("zookeeper"));
        assertEquals("3", inv.broker().get("default.replication.factor").value());
        assertEquals("2", inv.broker().get("min.insync.replicas").value());
        assertEquals(List.of(), InventoryValidator.validate(inv), "no errors and no warnings");
    }

    @Test
    void fromFiveHostsOnTheEnsembleHasFiveMembersAndFurtherHostsOnlyBrokers() {
        Inventory five = written(5);
        assertEquals(5, five.hosts(Role.ZOOKEEPER).size());
        Inventory seven = written(7);
        assertEquals(5, seven.hosts(Role.ZOOKEEPER).size());
        assertEquals(7, seven.hosts(Role.KAFKA).size());
        assertFalse(seven.hosts().get(6).has(Role.ZOOKEEPER));
        assertEquals(3, written(4).hosts(Role.ZOOKEEPER).size());
    }

    @Test
    void eachHostHasItsOwnAbsolutePathsInItsTreeAndServicesUseTheHostsScript() {
        Inventory inv = written(3);
        SandboxLayout layout = new SandboxLayout(tmp.resolve("sb3"));

        for (Host h : inv.hosts()) {
            Path home = layout.home(h.name());
            assertEquals(home + "/opt/kafka", inv.pathsFor(h).kafkaHome());
            assertEquals(List.of(home + "/srv/kafka-logs"), inv.pathsFor(h).logDirs());
            assertEquals(home + "/etc/kafka/ssl", inv.pathsFor(h).secretsDir());
            assertEquals("alice", inv.pathsFor(h).serviceUser());
        }
        assertEquals(ServiceManager.SCRIPT, inv.services().manager());
        assertEquals("~/bin/sandbox-service start kafka", inv.services().kafka().start());
        assertEquals("~/bin/sandbox-service status zookeeper", inv.services().zookeeper().status());
    }

    @Test
    void krollsPlanAndRenderAcceptItAndPutEachHostsFilesInItsOwnTree() throws Exception {
        written(3);
        Path inv = tmp.resolve("sb3/cluster.yaml");
        SandboxLayout layout = new SandboxLayout(tmp.resolve("sb3"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int plan = Main.execute(new String[] {"plan", "-i", inv.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, plan, out + "\n" + err);
        int render = Main.execute(new String[] {"render", "-i", inv.toString(), "-o", tmp.resolve("rendered").toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, render, out + "\n" + err);

        for (String host : List.of("kroll-sandbox-1", "kroll-sandbox-2", "kroll-sandbox-3")) {
            String home = layout.home(host).toString();
            try (var files = java.nio.file.Files.walk(tmp.resolve("rendered"))) {
                Path sp = files.filter(f -> f.endsWith("server.properties") && f.toString().contains(host)).findFirst().orElseThrow();
                String text = java.nio.file.Files.readString(sp);
                assertTrue(text.contains("log.dirs=" + home + "/srv/kafka-logs"), text);
            }
        }
    }

    @Test
    void krollsInventoryCheckAcceptsIt() {
        written(3);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.execute(new String[] {"inventory", "check", "-i", tmp.resolve("sb3/cluster.yaml").toString()},
                new PrintWriter(out), new PrintWriter(err));

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().contains("inventory ok"), out.toString());
    }
}
