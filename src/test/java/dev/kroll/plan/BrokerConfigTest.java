package dev.kroll.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Inventory;
import dev.kroll.util.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    private static final String LAYERS = """
            cluster: {name: prod, zookeeper_chroot: /kafka}
            paths: {log_dirs: [/d1, /d2]}
            broker:
              num.partitions: 8
              log.retention.hours: 72
            groups:
              big:
                broker: {num.partitions: 12, num.io.threads: 16}
              ssd:
                broker: {num.partitions: 24}
            hosts:
              - {name: zk1, address: 10.0.1.1, roles: [zookeeper]}
              - {name: zk2, address: 10.0.1.2, roles: [zookeeper], zookeeper_id: 9}
              - {name: zk3, address: 10.0.1.3, roles: [zookeeper]}
              - name: k1
                address: 10.0.2.1
                roles: [kafka]
                rack: r1
                groups: [ssd, big]
                broker: {num.io.threads: 32}
              - {name: k2, address: 10.0.2.2, roles: [kafka], groups: [big, ssd]}
              - {name: k3, address: 10.0.2.3, roles: [kafka]}
            """;

    private static Plan plan(String yaml) {
        Inventory inv = Inventories.parse(yaml);
        return Planner.plan(inv, IdRegistry.empty(inv.cluster()), Map.of(), false);
    }

    private static ConfigValue value(Plan plan, String host, String key) {
        return plan.host(host).orElseThrow().broker(ListenerPhase.PLAINTEXT).values().get(key);
    }

    @Test
    void layersApplyDefaultsThenClusterThenGroupsThenHostAndRememberEachOrigin() {
        Plan plan = plan(LAYERS);
        ConfigValue threads = value(plan, "k1", "num.io.threads");
        assertEquals("32", threads.value());
        assertEquals(Layer.HOST, threads.origin().layer());
        assertEquals("cluster.yaml:20:30", threads.origin().pos().toString());
        assertEquals(List.of("8", "16"), threads.overridden().stream().map(ConfigValue.Overridden::value).toList());
        assertEquals("group big (cluster.yaml:8:50)", threads.overridden().get(1).origin().describe());

        ConfigValue retention = value(plan, "k3", "log.retention.hours");
        assertEquals("72", retention.value());
        assertEquals("cluster (cluster.yaml:5:24)", retention.origin().describe());
        assertEquals(Origin.DEFAULT, retention.overridden().get(0).origin());
        assertEquals("3000", value(plan, "k3", "group.initial.rebalance.delay.ms").value());
        assertEquals(Layer.DEFAULT, value(plan, "k3", "group.initial.rebalance.delay.ms").origin().layer());
    }

    @Test
    void groupsApplyInTheHostsOrder() {
        Plan plan = plan(LAYERS);
        assertEquals("12", value(plan, "k1", "num.partitions").value(), "k1 lists [ssd, big]: big comes last");
        assertEquals("24", value(plan, "k2", "num.partitions").value(), "k2 lists [big, ssd]: ssd comes last");
        assertEquals("8", value(plan, "k3", "num.partitions").value());
    }

    @Test
    void krollDerivesIdentityStorageAndTheZookeeperConnectStringInMyidOrder() {
        Plan plan = plan(LAYERS);
        assertEquals("1", value(plan, "k1", "broker.id").value());
        assertEquals("r1", value(plan, "k1", "broker.rack").value());
        assertEquals(null, value(plan, "k2", "broker.rack"));
        assertEquals("/d1,/d2", value(plan, "k2", "log.dirs").value());
        assertEquals("10.0.1.1:2181,10.0.1.3:2181,10.0.1.2:2181/kafka", value(plan, "k1", "zookeeper.connect").value());
        assertEquals(Layer.DERIVED, value(plan, "k1", "zookeeper.connect").origin().layer());
    }

    @Test
    void internalTopicsGetAsManyReplicasAsTheClusterCanHold() {
        Plan three = plan(LAYERS);
        assertEquals("3", value(three, "k1", "offsets.topic.replication.factor").value());
        assertEquals("3", value(three, "k1", "transaction.state.log.replication.factor").value());
        assertEquals("2", value(three, "k1", "transaction.state.log.min.isr").value());
        Plan one = plan("""
                cluster: {name: solo}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        assertEquals("1", value(one, "a", "offsets.topic.replication.factor").value());
        assertEquals("1", value(one, "a", "transaction.state.log.min.isr").value());
        ConfigValue rf = value(one, "a", "default.replication.factor");
        assertEquals("1", rf.value(), "kroll's own default of 2 is lowered to fit one broker");
        assertEquals("derived: lowered to fit 1 broker", rf.origin().describe());
    }

    @Test
    void anOperatorsReplicationFactorAboveTheBrokerCountIsAnError() {
        Plan plan = plan("""
                cluster: {name: two}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka], broker: {offsets.topic.replication.factor: 3}}
                  - {name: b, address: 10.0.0.2, roles: [zookeeper, kafka]}
                """);
        assertTrue(plan.hasErrors());
        Problem p = plan.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertEquals("cluster.yaml:3:104", p.pos().toString());
        assertEquals("offsets.topic.replication.factor is 3 but the cluster has only 2 brokers", p.message());
    }

    @Test
    void anUnknownBrokerKeyIsWarnedWithASuggestion() {
        Plan plan = plan("""
                cluster: {name: t}
                broker:
                  num.partiton: 3
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        assertFalse(plan.hasErrors());
        Problem p = plan.problems().stream().filter(x -> x.message().contains("num.partiton")).findFirst().orElseThrow();
        assertEquals("cluster.yaml:3:17", p.pos().toString());
        assertEquals("did you mean 'num.partitions'?", p.fix());
    }

    @Test
    void valuesOfKnownKeysMustHaveTheirKafkaType() {
        Plan plan = plan("""
                cluster: {name: t}
                broker:
                  num.partitions: ten
                  auto.create.topics.enable: maybe
                  log.retention.bytes: 10737418240
                  log.segment.bytes: 10737418240
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        List<String> errors = plan.problems().stream().filter(Problem::isError).map(Problem::format).toList();
        assertEquals(List.of(
                "cluster.yaml:3:19: error: num.partitions (cluster) must be a whole number (int), found 'ten' — write e.g. 3",
                "cluster.yaml:4:30: error: auto.create.topics.enable (cluster) must be true or false, found 'maybe' — write e.g. true",
                "cluster.yaml:6:22: error: log.segment.bytes (cluster) must be a whole number (int), found '10737418240' — write e.g. 3"),
                errors, "log.retention.bytes is a long and fits");
    }

    @Test
    void keysKrollManagesCannotBeOverridden() {
        Plan plan = plan("""
                cluster: {name: t}
                broker:
                  listeners: PLAINTEXT://0.0.0.0:9092
                  broker.id: 4
                  listener.name.ssl.ssl.client.auth: none
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        List<Problem> errors = plan.problems().stream().filter(Problem::isError).toList();
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).format().startsWith("cluster.yaml:3:14: error: listeners is set by kroll"), errors.get(0).format());
        assertEquals("PLAINTEXT://10.0.0.1:9092", value(plan, "a", "listeners").value());
    }

    @Test
    void aPasswordWrittenIntoTheInventoryIsAnError() {
        Plan plan = plan("""
                cluster: {name: t}
                broker:
                  sasl.jaas.config: secret-stuff
                  password.encoder.secret: hunter2
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        List<Problem> errors = plan.problems().stream().filter(Problem::isError).toList();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).fix().contains("${file:"), errors.get(0).fix());
        Plan referenced = plan("""
                cluster: {name: t}
                broker:
                  password.encoder.secret: ${file:/etc/kafka/ssl/ssl.secrets:encoder}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        assertFalse(referenced.hasErrors(), referenced.problems().toString());
    }

    @Test
    void tlsOlderThan12IsRefused() {
        Plan plan = plan("""
                cluster: {name: t}
                broker:
                  ssl.enabled.protocols: TLSv1.2,TLSv1.1
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        Problem p = plan.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertEquals("ssl.enabled.protocols allows TLSv1.1, which is broken", p.message());
        Plan onlyThirteen = plan("""
                cluster: {name: t}
                broker:
                  ssl.enabled.protocols: TLSv1.3
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                """);
        assertFalse(onlyThirteen.hasErrors());
        assertEquals("TLSv1.3", onlyThirteen.host("a").orElseThrow().broker(ListenerPhase.SSL_ONLY).get("ssl.enabled.protocols").orElseThrow());
    }

    @Test
    void theSameMistakeInTheClusterLayerIsReportedOnce() {
        Plan plan = plan("""
                cluster: {name: t}
                broker: {num.partitions: ten}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                  - {name: b, address: 10.0.0.2, roles: [zookeeper, kafka]}
                  - {name: c, address: 10.0.0.3, roles: [zookeeper, kafka]}
                """);
        assertEquals(1, plan.problems().stream().filter(Problem::isError).count(), plan.problems().toString());
    }

    @Test
    void theCatalogueHoldsKafka391sBrokerSettingsAndTheirTypes() {
        assertTrue(BrokerConfigCatalogue.keys().size() > 300);
        assertEquals("BOOLEAN", BrokerConfigCatalogue.type("remote.log.storage.system.enable").orElseThrow().name());
        assertEquals("SHORT", BrokerConfigCatalogue.type("offsets.topic.replication.factor").orElseThrow().name());
        assertTrue(BrokerConfigCatalogue.typeError("offsets.topic.replication.factor", "70000").isPresent());
        assertTrue(BrokerConfigCatalogue.typeError("authorizer.class.name", "kafka.security.authorizer.AclAuthorizer").isEmpty());
        assertTrue(BrokerConfigCatalogue.typeError("num.partitions", "${file:/x:y}").isEmpty());
    }

    @Test
    void installPathsMustBePlainAbsolutePaths() {
        Plan plan = plan("""
                cluster: {name: t}
                paths: {log_dirs: ["/data/kafka 1", /data/k2], config_dir: etc/kafka}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                  - {name: b, address: 10.0.0.2, roles: [zookeeper, kafka], paths: {log_dirs: [data/k]}}
                """);
        List<String> errors = plan.problems().stream().filter(Problem::isError).map(Problem::message).toList();
        assertEquals(List.of("paths.config_dir 'etc/kafka' is relative; kroll needs absolute paths",
                "paths.log_dirs '/data/kafka 1' is not a plain absolute path",
                "paths.log_dirs of host b 'data/k' is relative; kroll needs absolute paths"), errors);
    }
}
