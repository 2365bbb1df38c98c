package dev.kroll.rollout.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.sandbox.junit.SandboxCluster;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.ListTopicsOptions;

/** Waits, like an operator would between two runs, until every partition is fully in sync again. */
final class SandboxHealth {

    private SandboxHealth() {
    }

    /** Every partition's ISR equal to its replicas; at most two minutes. */
    static void awaitInSync(SandboxCluster cluster) throws Exception {
        awaitInSync(cluster.bootstrapServers(), Map.of());
    }

    static void awaitInSync(String bootstrap, Map<String, Object> client) throws Exception {
        Properties p = new Properties();
        p.putAll(client);
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String last = "";
        try (Admin admin = Admin.create(p)) {
            while (System.nanoTime() < end) {
                try {
                    var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
                    Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
                    long urp = d.values().stream().flatMap(t -> t.partitions().stream())
                            .filter(tp -> tp.isr().size() < tp.replicas().size()).count();
                    if (urp == 0) {
                        return;
                    }
                    last = urp + " under-replicated partitions";
                } catch (Exception e) {
                    last = e.toString();
                }
                Thread.sleep(500);
            }
        }
        assertTrue(false, "the cluster did not get back in sync: " + last);
    }
}
