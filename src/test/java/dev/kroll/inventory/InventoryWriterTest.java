package dev.kroll.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import dev.kroll.util.yaml.YamlTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryWriterTest {

    private static Inventory parse(String yaml) {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = KrollYaml.read(YamlTrees.parse(yaml, Path.of("x.yaml")), Path.of("x.yaml"), problems);
        assertTrue(problems.isEmpty(), problems::toString);
        return inv;
    }

    @Test
    void writingWhatWasReadGivesTheSameInventoryBack() throws IOException {
        Inventory docs = parse(InventoryDocTest.example());
        String once = InventoryWriter.toYaml(docs);
        Inventory again = parse(once);
        assertEquals(once, InventoryWriter.toYaml(again));
        assertEquals(docs.hosts().size(), again.hosts().size());
        for (int i = 0; i < docs.hosts().size(); i++) {
            Host a = docs.hosts().get(i);
            Host b = again.hosts().get(i);
            assertEquals(List.of(a.name(), a.address(), a.aliases(), a.roles(), String.valueOf(a.rack()), a.groups(), String.valueOf(a.brokerId()),
                    String.valueOf(a.zookeeperId()), String.valueOf(a.memory()), a.heap(), a.ssh(), a.ports(), a.paths(), KrollYaml.values(a.broker()),
                    KrollYaml.values(a.zookeeper())),
                    List.of(b.name(), b.address(), b.aliases(), b.roles(), String.valueOf(b.rack()), b.groups(), String.valueOf(b.brokerId()),
                    String.valueOf(b.zookeeperId()), String.valueOf(b.memory()), b.heap(), b.ssh(), b.ports(), b.paths(), KrollYaml.values(b.broker()),
                    KrollYaml.values(b.zookeeper())));
        }
        assertEquals(docs.paths(), again.paths());
        Host kafka2 = again.host("kafka2.example.com").orElseThrow();
        assertEquals(List.of("/data1/kafka-logs", "/data2/kafka-logs"), again.pathsFor(kafka2).logDirs());
        assertEquals("/opt/kafka", again.pathsFor(kafka2).kafkaHome(), "keys the host does not give come from the cluster");
        assertEquals(docs.services(), again.services());
        assertEquals(KrollYaml.values(docs.broker()), KrollYaml.values(again.broker()));
        assertEquals(docs.advertise(), again.advertise());
    }

    @Test
    void shortListsAreWrittenOnOneLine() {
        Host h = new Host("kafka1.example.com", "10.0.1.11", List.of("kafka1"), Set.of(Role.ZOOKEEPER, Role.KAFKA), null, List.of(), null, null,
                null, Map.of(), SshSettings.DEFAULT, Ports.DEFAULT, Map.of(), Map.of(), SourcePos.NONE, Map.of());
        String yaml = InventoryWriter.toYaml(new Inventory("c", null, null, null, Advertise.NAME, InstallPaths.DEFAULT, Services.DEFAULT,
                Map.of(), Map.of(), Map.of(), List.of(h), Monitoring.DEFAULT, Firewall.DEFAULT, SourcePos.NONE));
        assertTrue(yaml.contains("    roles: [zookeeper, kafka]\n"), yaml);
        assertTrue(yaml.contains("    aliases: [kafka1]\n"), yaml);
    }

    @Test
    void sshSettingsEveryHostSharesAreWrittenOnceAtTheTop() {
        SshSettings deploy = SshSettings.DEFAULT.withUser("deploy").withKeyFile("~/.ssh/k");
        Host a = Host.of("a.example.com", "10.0.0.1", Set.of(Role.KAFKA));
        Host b = Host.of("b.example.com", "10.0.0.2", Set.of(Role.KAFKA));
        List<Host> hosts = List.of(
                new Host(a.name(), a.address(), List.of(), a.roles(), null, List.of(), null, null, null, Map.of(), deploy, Ports.DEFAULT, Map.of(),
                        Map.of(), SourcePos.NONE, Map.of()),
                new Host(b.name(), b.address(), List.of(), b.roles(), null, List.of(), null, null, null, Map.of(), deploy.withPort(2222),
                        Ports.DEFAULT, Map.of(), Map.of(), SourcePos.NONE, Map.of()));
        String yaml = InventoryWriter.toYaml(new Inventory("c", null, null, null, Advertise.NAME, InstallPaths.DEFAULT, Services.DEFAULT,
                Map.of(), Map.of(), Map.of(), hosts, Monitoring.DEFAULT, Firewall.DEFAULT, SourcePos.NONE));
        assertTrue(yaml.contains("ssh:\n  user: deploy\n  key: ~/.ssh/k\nhosts:\n"), yaml);
        assertTrue(yaml.contains("    ssh:\n      port: 2222\n"), yaml);
        assertFalse(yaml.contains("    ssh:\n      user"), yaml);
        Inventory back = parse(yaml);
        assertEquals(deploy, back.hosts().get(0).ssh());
        assertEquals(deploy.withPort(2222), back.hosts().get(1).ssh());
    }

    @Test
    void theSshUserIsWrittenEvenWhenItIsTheLocalUserSoTheFileMeansTheSameOnAnotherJumpHost() {
        String local = SshSettings.DEFAULT.user();
        Host a = Host.of("a.example.com", "10.0.0.1", Set.of(Role.KAFKA));
        Host b = new Host("b.example.com", "10.0.0.2", List.of(), Set.of(Role.KAFKA), null, List.of(), null, null, null, Map.of(),
                SshSettings.DEFAULT.withUser("deploy"), Ports.DEFAULT, Map.of(), Map.of(), SourcePos.NONE, Map.of());
        String yaml = InventoryWriter.toYaml(new Inventory("c", null, null, null, Advertise.NAME, InstallPaths.DEFAULT, Services.DEFAULT,
                Map.of(), Map.of(), Map.of(), List.of(a, b), Monitoring.DEFAULT, Firewall.DEFAULT, SourcePos.NONE));
        assertTrue(yaml.contains("ssh:\n  user: " + local + "\n"), yaml);
        assertTrue(yaml.contains("    ssh:\n      user: deploy\n"), yaml);
    }
}
