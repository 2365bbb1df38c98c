package dev.kroll.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.junit.jupiter.api.Test;

class KafkaParsingTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBrokerRegistrationGivesItsListenersRackAndSince() throws Exception {
        BrokerRegistration r = RegistrationParser.broker(2, b("{\"features\":{},\"listener_security_protocol_map\":"
                + "{\"PLAINTEXT\":\"PLAINTEXT\",\"SSL\":\"SSL\"},\"endpoints\":[\"PLAINTEXT://kafka2.example.com:9092\","
                + "\"SSL://kafka2.example.com:9093\"],\"jmx_port\":-1,\"port\":9092,\"host\":\"kafka2.example.com\","
                + "\"version\":5,\"timestamp\":\"1714557600000\",\"rack\":\"r2\"}"));
        assertEquals(2, r.id());
        assertEquals("kafka2.example.com", r.host());
        assertEquals(List.of("PLAINTEXT://kafka2.example.com:9092", "SSL://kafka2.example.com:9093"), r.endpoints());
        assertEquals("r2", r.rack());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), r.since());
    }

    @Test
    void aBrokerWithOnlyAnSslListenerIsPlacedByItsFirstEndpoint() throws Exception {
        BrokerRegistration r = RegistrationParser.broker(1, b("{\"endpoints\":[\"SSL://10.0.0.5:9093\"],\"host\":null,\"port\":-1,\"version\":5}"));
        assertEquals("10.0.0.5", r.host());
        assertEquals(9093, r.port());
        assertNull(r.rack());
        KafkaTarget t = new KafkaTarget("kafka1.example.com", "10.0.0.5", List.of("kafka1.example.com", "kafka1", "10.0.0.5"), null, 9092);
        assertTrue(RegistrationParser.from(r, t));
        KafkaTarget other = new KafkaTarget("kafka2.example.com", "10.0.0.6", List.of("kafka2.example.com", "10.0.0.6"), null, 9092);
        assertFalse(RegistrationParser.from(r, other));
    }

    @Test
    void hostsSharingOneAddressAreToldApartByTheirListenerPorts() throws Exception {
        BrokerRegistration second = RegistrationParser.broker(2, b("{\"endpoints\":[\"SSL://127.0.0.1:9103\"],\"host\":null,\"port\":-1,\"version\":5}"));
        KafkaTarget one = new KafkaTarget("sb-1", "127.0.0.1", List.of("sb-1", "127.0.0.1"), null, 9092, List.of(9092, 9093));
        KafkaTarget two = new KafkaTarget("sb-2", "127.0.0.1", List.of("sb-2", "127.0.0.1"), null, 9102, List.of(9102, 9103));
        assertFalse(RegistrationParser.from(second, one));
        assertTrue(RegistrationParser.from(second, two));
    }

    @Test
    void theControllerZnodeNamesTheBroker() {
        assertEquals(3, RegistrationParser.controller(b("{\"version\":2,\"brokerid\":3,\"timestamp\":\"1714557600000\",\"kraftControllerEpoch\":-1}")));
        assertNull(RegistrationParser.controller(b("garbage")));
    }

    @Test
    void partitionsAreSortedIntoUnderReplicatedOfflineAndBelowMinIsrByTheTopicsOwnSetting() {
        Node n1 = new Node(1, "kafka1", 9092);
        Node n2 = new Node(2, "kafka2", 9092);
        Node n3 = new Node(3, "kafka3", 9092);
        TopicDescription orders = new TopicDescription("orders", false, List.of(
                new TopicPartitionInfo(0, n1, List.of(n1, n2, n3), List.of(n1, n2, n3)),
                new TopicPartitionInfo(1, n3, List.of(n2, n3, n1), List.of(n3, n1)),
                new TopicPartitionInfo(2, n1, List.of(n1, n2, n3), List.of(n1))));
        TopicDescription logs = new TopicDescription("logs", false, List.of(
                new TopicPartitionInfo(0, null, List.of(n2), List.of()),
                new TopicPartitionInfo(1, n1, List.of(n1, n2), List.of(n1))));
        PartitionHealth h = KafkaAdminReader.partitionHealth(Map.of("orders", orders, "logs", logs), Map.of("orders", 2, "logs", 1));
        assertEquals(2, h.topics());
        assertEquals(5, h.partitions());
        assertEquals(List.of("logs-0", "logs-1", "orders-1", "orders-2"), h.underReplicated().stream().map(PartitionIssue::name).toList());
        assertEquals(List.of("logs-0"), h.offline().stream().map(PartitionIssue::name).toList());
        assertEquals(List.of("logs-0", "orders-2"), h.underMinIsr().stream().map(PartitionIssue::name).toList());
        assertEquals(List.of(2), h.underReplicated().get(2).outOfSync());
    }

    @Test
    void eachBrokersLedAndReplicatedPartitionsAreCountedFromTheSameMetadata() {
        Node n1 = new Node(1, "kafka1", 9092);
        Node n2 = new Node(2, "kafka2", 9092);
        TopicDescription orders = new TopicDescription("orders", false, List.of(
                new TopicPartitionInfo(0, n1, List.of(n1, n2), List.of(n1, n2)),
                new TopicPartitionInfo(1, n1, List.of(n2, n1), List.of(n1)),
                new TopicPartitionInfo(2, null, List.of(n2), List.of())));
        PartitionHealth h = KafkaAdminReader.partitionHealth(Map.of("orders", orders), Map.of());
        assertEquals(new PartitionHealth.BrokerPartitions(2, 2), h.of(1));
        assertEquals(new PartitionHealth.BrokerPartitions(0, 3), h.of(2), "an offline partition is led by nobody");
        assertEquals(new PartitionHealth.BrokerPartitions(0, 0), h.of(7));
    }
}
