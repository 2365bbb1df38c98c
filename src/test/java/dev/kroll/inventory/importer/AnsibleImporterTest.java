package dev.kroll.inventory.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.ByteSize;
import dev.kroll.util.Problem;
import dev.kroll.util.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleImporterTest {

    static final String INI = """
            # the Kafka estate
            bastion.example.com

            [all:vars]
            ansible_user=deploy
            memory=16g

            [zookeeper]
            zk[1:3].example.com ansible_ssh_private_key_file="/keys/zk key.pem"   # quoted: has a space

            [kafka_broker]
            kafka1.example.com ansible_host=10.0.1.11 broker_id=1 rack=a memory=64g
            kafka2.example.com:2222 ansible_host=10.0.1.12 broker_id=2
            kafka3.example.com ansible_host=10.0.1.13 broker_id=3 broker_rack=c

            [rack_b]
            kafka2.example.com

            [rack_b:vars]
            rack=b

            [dc1:children]
            rack_b

            [dc1:vars]
            rack=dc1-default
            ansible_become=yes

            [zookeeper:vars]
            zookeeper_myid=9
            """;

    static final String YAML = """
            all:
              vars:
                ansible_user: deploy
                memory: 16g
              hosts:
                bastion.example.com:
              children:
                zookeeper:
                  hosts:
                    zk[1:3].example.com:
                      ansible_ssh_private_key_file: /keys/zk key.pem
                  vars:
                    zookeeper_myid: 9
                kafka_broker:
                  hosts:
                    kafka1.example.com: {ansible_host: 10.0.1.11, broker_id: 1, rack: a, memory: 64g}
                    kafka2.example.com: {ansible_host: 10.0.1.12, broker_id: 2, ansible_port: 2222}
                    kafka3.example.com: {ansible_host: 10.0.1.13, broker_id: 3, broker_rack: c}
                dc1:
                  vars: {rack: dc1-default, ansible_become: true}
                  children:
                    rack_b:
                      hosts:
                        kafka2.example.com:
                      vars:
                        rack: b
            """;

    @TempDir
    Path dir;

    private Inventory read(String name, String text, ImportOptions options, List<Problem> problems) throws IOException {
        Path f = Files.writeString(dir.resolve(name), text);
        return new AnsibleImporter().read(f.toString(), options, problems);
    }

    @Test
    void iniAndYamlInventoriesGiveTheSameHosts() throws IOException {
        List<Problem> iniProblems = new ArrayList<>();
        Inventory ini = read("prod.ini", INI, ImportOptions.DEFAULT, iniProblems);
        List<Problem> yamlProblems = new ArrayList<>();
        Inventory yaml = read("prod.yml", YAML, ImportOptions.DEFAULT, yamlProblems);

        assertEquals(ini.hosts().stream().map(AnsibleImporterTest::summary).toList(),
                yaml.hosts().stream().map(AnsibleImporterTest::summary).toList());
        assertEquals(List.of("note: skipped 1 host in neither 'zookeeper' nor 'kafka_broker': bastion.example.com"
                + " — name other groups with --zookeeper-group/--kafka-group"), iniProblems.stream().map(p -> p.format()
                .substring(p.pos().toString().length() + 2)).toList());
        assertEquals(1, yamlProblems.size());
    }

    private static String summary(Host h) {
        return String.join(" ", h.name(), h.address(), h.roles().toString(), String.valueOf(h.rack()), String.valueOf(h.brokerId()),
                String.valueOf(h.zookeeperId()), String.valueOf(h.memory()), h.ssh().toString());
    }

    @Test
    void groupsGiveRolesAndVarsFollowAnsiblePrecedence() throws IOException {
        Inventory inv = read("prod.ini", INI, ImportOptions.DEFAULT, new ArrayList<>());

        assertEquals(List.of("zk1.example.com", "zk2.example.com", "zk3.example.com", "kafka1.example.com", "kafka2.example.com",
                "kafka3.example.com"), inv.hosts().stream().map(Host::name).toList());
        Host zk2 = inv.host("zk2.example.com").orElseThrow();
        assertEquals(Set.of(Role.ZOOKEEPER), zk2.roles());
        assertEquals("/keys/zk key.pem", zk2.ssh().keyFile());
        assertEquals("deploy", zk2.ssh().user(), "all:vars reach every host");
        assertEquals(ByteSize.ofGiB(16), zk2.memory());
        assertEquals(9, zk2.zookeeperId(), "zookeeper_myid is read as zookeeper_id");

        Host k1 = inv.host("kafka1.example.com").orElseThrow();
        assertEquals("10.0.1.11", k1.address());
        assertEquals(1, k1.brokerId());
        assertEquals("a", k1.rack());
        assertEquals(ByteSize.ofGiB(64), k1.memory(), "a host var beats all:vars");
        assertFalse(k1.ssh().become());

        Host k2 = inv.host("kafka2.example.com").orElseThrow();
        assertEquals(2222, k2.ssh().port(), "host:port sets the SSH port");
        assertEquals("b", k2.rack(), "the child group rack_b beats its parent dc1");
        assertTrue(k2.ssh().become(), "a parent group's vars reach the child group's hosts");

        Host k3 = inv.host("kafka3.example.com").orElseThrow();
        assertEquals("c", k3.rack(), "broker_rack is read as rack");
        assertNull(k3.zookeeperId());
    }

    @Test
    void errorsPointAtTheLineThatSetTheValue() throws IOException {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read("bad.ini", """
                [zookeeper]
                zk[1:3].example.com

                [kafka_broker]
                kafka1.example.com ansible_port=99999

                [kafka_broker:vars]
                memory = lots
                """, ImportOptions.DEFAULT, problems);
        Path f = dir.resolve("bad.ini");
        assertEquals(List.of(
                f + ":5:20: error: ansible_port of host kafka1.example.com is 99999, outside 1–65535 — write a number from 1 to 65535",
                f + ":8:10: error: memory of group kafka_broker: 'lots' is not a size (write e.g. 32g, 512m or 16GiB) — write the host's RAM, e.g. 32g"),
                Problem.sorted(problems).stream().map(Problem::format).toList());
        assertEquals(4, inv.hosts().size());
    }

    @Test
    void otherGroupNamesChooseTheRoles() throws IOException {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read("cp.ini", """
                [zookeeper_servers]
                zk[01:03].example.com

                [brokers]
                kafka[a:c].example.com
                """, ImportOptions.DEFAULT.withGroups("zookeeper_servers", "brokers"), problems);
        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(List.of("zk01.example.com", "zk02.example.com", "zk03.example.com"),
                inv.hosts(Role.ZOOKEEPER).stream().map(Host::name).toList());
        assertEquals(List.of("kafkaa.example.com", "kafkab.example.com", "kafkac.example.com"),
                inv.hosts(Role.KAFKA).stream().map(Host::name).toList());
    }

    @Test
    void aMissingGroupSuggestsTheOption() throws IOException {
        List<Problem> problems = new ArrayList<>();
        read("g.ini", "[zookeeper]\nzk1.example.com\n[kafka]\nkafka1.example.com\n", ImportOptions.DEFAULT, problems);
        assertEquals(List.of(dir.resolve("g.ini") + ": error: the inventory has no group 'kafka_broker' — pass --kafka-group with one of: zookeeper, kafka"),
                problems.stream().map(Problem::format).toList());
    }

    @Test
    void membershipCountsThroughChildGroups() throws IOException {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read("c.ini", """
                [zk_dc1]
                zk1.example.com
                [zk_dc2]
                zk2.example.com
                [zookeeper:children]
                zk_dc1
                zk_dc2
                [kafka_broker]
                kafka1.example.com
                """, ImportOptions.DEFAULT, problems);
        assertEquals(2, inv.hosts(Role.ZOOKEEPER).size());
        assertTrue(problems.isEmpty(), problems::toString);
    }

    @Test
    void yamlIsRecognisedByContentWithoutAnExtension() throws IOException {
        Inventory inv = read("hosts", YAML, ImportOptions.DEFAULT, new ArrayList<>());
        assertEquals(6, inv.hosts().size());
        assertEquals("kafka", inv.cluster(), "a file called 'hosts' names no cluster");
    }

    @Test
    void aYamlHostListWithValuesThatAreListsIsRefusedForMappedVars() throws IOException {
        List<Problem> problems = new ArrayList<>();
        read("l.yml", """
                all:
                  children:
                    zookeeper:
                      hosts:
                        zk1.example.com:
                          ansible_host: [10.0.0.1, 10.0.0.2]
                          unrelated: {any: thing}
                    kafka_broker:
                      hosts:
                        kafka1.example.com:
                """, ImportOptions.DEFAULT, problems);
        assertEquals(List.of(dir.resolve("l.yml") + ":6:25: error: ansible_host of host zk1.example.com must be a single value, found a list or mapping"
                + " — write it as 'ansible_host: value'"), problems.stream().map(Problem::format).toList());
    }

    @Test
    void theNoteListsAtMostFiveSkippedHosts() throws IOException {
        List<Problem> problems = new ArrayList<>();
        read("many.ini", "web[1:8].example.com\n[zookeeper]\nzk1.example.com\n[kafka_broker]\nzk1.example.com\n", ImportOptions.DEFAULT, problems);
        Problem note = problems.stream().filter(p -> p.severity() == Severity.NOTE).findFirst().orElseThrow();
        assertTrue(note.message().endsWith("web1.example.com, web2.example.com, web3.example.com, web4.example.com, web5.example.com and 3 more"),
                note.message());
    }
}
