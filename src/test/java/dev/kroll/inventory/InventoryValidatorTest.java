package dev.kroll.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.ByteSize;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.Setting;
import dev.kroll.util.SourcePos;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule of the validator, on plain values. */
class InventoryValidatorTest {

    private static final SourcePos FILE = new SourcePos("cluster.yaml", 0, 0);

    /** A host as the tests need it; the position line is the host's index + 10. */
    private static final class H {
        String name;
        String address;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> aliases = List.of();
        List<String> groups = List.of();
        Integer brokerId;
        Integer zookeeperId;
        ByteSize memory;
        Ports ports = Ports.DEFAULT;
        SshSettings ssh = SshSettings.DEFAULT;
        int line;

        H(String name, String address, Role... roles) {
            this.name = name;
            this.address = address;
            this.roles.addAll(List.of(roles));
        }

        Host build() {
            SourcePos pos = new SourcePos("cluster.yaml", line, 5);
            return new Host(name, address, aliases, roles, null, groups, brokerId, zookeeperId, memory, Map.of(), ssh, ports, Map.of(),
                    Map.of(), pos, Map.of());
        }
    }

    private static List<H> healthy() {
        List<H> hosts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            hosts.add(new H("zk" + i + ".example.com", "10.0.0." + i, Role.ZOOKEEPER));
        }
        for (int i = 1; i <= 3; i++) {
            hosts.add(new H("kafka" + i + ".example.com", "10.0.1." + i, Role.KAFKA));
        }
        return hosts;
    }

    private static List<Problem> validate(List<H> hosts) {
        return validate(hosts, Map.of(), Map.of());
    }

    private static List<Problem> validate(List<H> hosts, Map<String, Setting> broker, Map<String, Group> groups) {
        List<Host> built = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            hosts.get(i).line = i + 10;
            built.add(hosts.get(i).build());
        }
        Inventory inv = new Inventory("orders", null, null, null, Advertise.NAME, InstallPaths.DEFAULT, Services.DEFAULT, broker, Map.of(),
                groups, built, Monitoring.DEFAULT, Firewall.DEFAULT, FILE);
        return InventoryValidator.validate(inv);
    }

    private static List<String> lines(List<Problem> problems) {
        return Problem.sorted(problems).stream().map(Problem::format).toList();
    }

    private static final String RF_WARNING = "cluster.yaml: warning: default.replication.factor is 2 with 3 brokers: one broker down leaves"
            + " partitions without a spare copy — set 'broker: {default.replication.factor: 3, min.insync.replicas: 2}'";

    @Test
    void aHealthyClusterOnlyHearsAboutReplication() {
        assertEquals(List.of(RF_WARNING), lines(validate(healthy())));
    }

    @Test
    void replicationFactorThreeSilencesTheWarning() {
        assertEquals(List.of(), lines(validate(healthy(), Map.of("default.replication.factor", new Setting("3", SourcePos.NONE)), Map.of())));
    }

    @Test
    void anExplicitReplicationFactorAboveTheBrokerCountIsAnError() {
        List<H> hosts = healthy().subList(0, 5);
        assertEquals(List.of("error: default.replication.factor is 3 but there are only 2 brokers — lower it to 2 or add brokers"),
                lines(validate(hosts, Map.of("default.replication.factor", new Setting("3", SourcePos.NONE)), Map.of())));
        assertEquals(List.of("error: default.replication.factor must be a number, found 'three' — write e.g. 3"),
                lines(validate(hosts, Map.of("default.replication.factor", new Setting("three", SourcePos.NONE)), Map.of())));
    }

    @Test
    void noHostsIsAnError() {
        assertEquals(List.of("cluster.yaml: error: the inventory lists no hosts — add a 'hosts:' list with at least three ZooKeeper and one Kafka host"),
                lines(validate(List.of())));
    }

    @Test
    void invalidNamesAddressesAndAliasesAreErrors() {
        List<H> hosts = healthy();
        hosts.get(3).name = "kafka_1.example.com";
        hosts.get(4).address = "10.0.1.256";
        hosts.get(5).aliases = List.of("bad..alias");
        assertEquals(List.of(
                "cluster.yaml:13:5: error: 'kafka_1.example.com' is not a valid host name — use letters, digits, '-' and '.', e.g. kafka1.example.com",
                "cluster.yaml:14:5: error: '10.0.1.256' is not a valid IP address or host name — each part of an IPv4 address is 0–255",
                "cluster.yaml:15:5: error: alias 'bad..alias' of kafka3.example.com is not a valid host name — fix or remove it",
                RF_WARNING), lines(validate(hosts)));
    }

    @Test
    void ipv6AddressesAreAccepted() {
        List<H> hosts = healthy();
        hosts.get(0).address = "fd00::11";
        assertEquals(List.of(RF_WARNING), lines(validate(hosts)));
    }

    @Test
    void aHostWithoutRoleIsAnError() {
        List<H> hosts = healthy();
        hosts.add(new H("spare.example.com", "10.0.2.1"));
        assertEquals("cluster.yaml:16:5: error: host spare.example.com has no role — add 'roles: [zookeeper]', 'roles: [kafka]' or both",
                lines(validate(hosts)).get(0));
    }

    @Test
    void twoServicesOnOnePortIsAnError() {
        List<H> hosts = healthy();
        hosts.get(3).ports = new Ports(2181, 2888, 3888, 8080, 9092, 9092, 9999, 9998);
        assertEquals("cluster.yaml:13:5: error: ports kafka_plaintext and kafka_ssl of kafka1.example.com are both 9092 — give each service its own port",
                lines(validate(hosts)).get(0));
    }

    @Test
    void duplicateNamesAndAddressesAreErrors() {
        List<H> hosts = healthy();
        hosts.get(4).name = "kafka1.example.com";
        hosts.get(5).address = "10.0.1.1";
        assertEquals(List.of(
                "cluster.yaml:14:5: error: host kafka1.example.com is listed twice (line 13) — remove one entry or rename it",
                "cluster.yaml:15:5: error: address 10.0.1.1 of kafka3.example.com is also used by kafka1.example.com (line 13) — give each host its own address",
                "cluster.yaml: warning: default.replication.factor is 2 with 3 brokers: one broker down leaves partitions without a spare copy"
                        + " — set 'broker: {default.replication.factor: 3, min.insync.replicas: 2}'"), lines(validate(hosts)));
    }

    @Test
    void hostsMayShareAnAddressWithTheirOwnSshAndServicePorts() {
        List<H> hosts = healthy();
        hosts.get(5).address = "10.0.1.1";
        hosts.get(5).ssh = SshSettings.DEFAULT.withPort(2203);
        hosts.get(5).ports = new Ports(12181, 12888, 13888, 18080, 19092, 19093, 19999, 19998);
        assertEquals(List.of(RF_WARNING), lines(validate(hosts)));
    }

    @Test
    void sharedAddressAndSshPortButSameServicePortIsAnError() {
        List<H> hosts = healthy();
        hosts.get(5).address = "10.0.1.1";
        hosts.get(5).ssh = SshSettings.DEFAULT.withPort(2203);
        assertEquals("cluster.yaml:15:5: error: kafka3.example.com and kafka1.example.com share address 10.0.1.1 and port 9092"
                + " — give each host its own address, or its own ports", lines(validate(hosts)).get(0));
    }

    @Test
    void anUnknownGroupSuggestsTheClosest() {
        List<H> hosts = healthy();
        hosts.get(3).groups = List.of("rack-a");
        Map<String, Group> groups = new LinkedHashMap<>();
        groups.put("rack_a", new Group("rack_a", Map.of(), Map.of(), SourcePos.NONE));
        assertEquals("cluster.yaml:13:5: error: host kafka1.example.com names unknown group 'rack-a' — did you mean 'rack_a'?",
                lines(validate(hosts, Map.of(), groups)).get(0));
    }

    @Test
    void withoutZookeeperOrKafkaHostsTheClusterCannotRun() {
        assertEquals(List.of("cluster.yaml: error: no host has the zookeeper role — give 'zookeeper' to three (or five) hosts", RF_WARNING),
                lines(validate(healthy().subList(3, 6))));
        assertEquals(List.of("cluster.yaml: error: no host has the kafka role — give 'kafka' to at least one host (three for replication)"),
                lines(validate(healthy().subList(0, 3))));
    }

    @Test
    void smallAndEvenEnsemblesAreWarnings() {
        List<H> one = new ArrayList<>(healthy().subList(2, 6));
        assertEquals("cluster.yaml: warning: the ZooKeeper ensemble has 1 member; losing one stops the cluster — use at least three ZooKeeper hosts",
                lines(validate(one)).get(0));
        List<H> four = healthy();
        four.get(3).roles.add(Role.ZOOKEEPER);
        assertEquals("cluster.yaml: warning: the ZooKeeper ensemble has 4 members; an even ensemble tolerates no more failures than 3"
                + " — use an odd number of ZooKeeper hosts (3 or 5)", lines(validate(four)).get(0));
        assertTrue(validate(four).stream().noneMatch(Problem::isError));
    }

    @Test
    void pinnedIdsMustBeUniqueAndMyidWithinRange() {
        List<H> hosts = healthy();
        hosts.get(0).zookeeperId = 1;
        hosts.get(1).zookeeperId = 1;
        hosts.get(2).zookeeperId = 256;
        hosts.get(3).brokerId = 7;
        hosts.get(4).brokerId = 7;
        hosts.get(5).zookeeperId = 3;
        assertEquals(List.of(
                "cluster.yaml:11:5: error: zookeeper_id 1 of zk2.example.com is also pinned by zk1.example.com (line 10) — give each ZooKeeper server its own myid",
                "cluster.yaml:12:5: error: zookeeper_id 256 of zk3.example.com is outside 1–255 — ZooKeeper's myid must be from 1 to 255",
                "cluster.yaml:14:5: error: broker_id 7 of kafka2.example.com is also pinned by kafka1.example.com (line 13)"
                        + " — give each broker its own id, or remove the pin to let kroll allocate one",
                "cluster.yaml:15:5: warning: kafka3.example.com pins zookeeper_id but has no zookeeper role — remove zookeeper_id or add the role",
                RF_WARNING), lines(validate(hosts)));
    }

    @Test
    void aBrokerIdOnAHostWithoutKafkaIsAWarning() {
        List<H> hosts = healthy();
        hosts.get(0).brokerId = 1;
        assertEquals("cluster.yaml:10:5: warning: zk1.example.com pins broker_id but has no kafka role — remove broker_id or add the role",
                lines(validate(hosts)).get(0));
    }

    @Test
    void memoryWithoutUnitIsCaught() {
        List<H> hosts = healthy();
        hosts.get(3).memory = new ByteSize(32768);
        hosts.get(4).memory = ByteSize.ofGiB(64);
        assertEquals("cluster.yaml:13:5: error: memory of kafka1.example.com is 32768 bytes, too little for Kafka or ZooKeeper"
                + " — a number without unit is bytes: write the unit, e.g. 32g or 32768m", lines(validate(hosts)).get(0));
        assertEquals(2, validate(hosts).size());
    }

    @Test
    void throwIfErrorsCarriesEveryProblemInReadingOrder() {
        List<Problem> problems = List.of(
                Problem.warning(FILE, "w", null),
                Problem.error(new SourcePos("cluster.yaml", 9, 1), "late", null),
                Problem.error(new SourcePos("cluster.yaml", 2, 3), "early", null));
        KrollException e = assertThrows(KrollException.class, () -> InventoryValidator.throwIfErrors(problems));
        assertEquals(2, e.exitCode());
        assertEquals(List.of("cluster.yaml:2:3: error: early", "cluster.yaml:9:1: error: late", "cluster.yaml: warning: w"),
                e.problems().stream().map(Problem::format).toList());
    }
}
