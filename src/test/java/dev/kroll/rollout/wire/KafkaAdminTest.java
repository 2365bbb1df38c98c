package dev.kroll.rollout.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class KafkaAdminTest {

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }

    @Test
    void eachTopicKeepsItsOwnEffectiveMinInsyncReplicasAndAMissingOneIsNotGuessed() {
        Map<String, Integer> m = KafkaAdmin.minInsyncReplicas(Map.of(
                topic("orders"), new Config(List.of(new ConfigEntry("min.insync.replicas", "2"), new ConfigEntry("retention.ms", "1"))),
                topic("ledger"), new Config(List.of(new ConfigEntry("min.insync.replicas", "3"))),
                topic("odd"), new Config(List.of(new ConfigEntry("retention.ms", "1")))));
        assertEquals(Map.of("orders", 2, "ledger", 3), m);
    }
}
