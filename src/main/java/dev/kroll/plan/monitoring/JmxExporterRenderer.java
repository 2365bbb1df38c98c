package dev.kroll.plan.monitoring;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.plan.render.RenderedFile;

/**
 * Prometheus: the JMX exporter runs inside the broker as a Java agent (no second JVM, no remote JMX),
 * serving {@code /metrics} on the exporter port of the host's address. kroll renders its rules and the
 * {@code -javaagent} option; the jar itself is installed by the operator at {@code monitoring.exporter_jar}.
 */
public final class JmxExporterRenderer {

    private JmxExporterRenderer() {
    }

    public static String configPath(Inventory inv, Host host) {
        return inv.pathsFor(host).configDir() + "/jmx-exporter.yaml";
    }

    /** The JVM option that loads the exporter; goes into the broker's KAFKA_OPTS. */
    public static String javaAgentOption(Inventory inv, Host host) {
        return "-javaagent:" + inv.monitoring().exporterJar() + "=" + host.address() + ":" + inv.monitoring().exporterPort()
                + ":" + configPath(inv, host);
    }

    public static RenderedFile render(Inventory inv, Host host) {
        String yaml = "# Rendered by kroll for " + host.name() + " (cluster " + inv.cluster() + "); changes are overwritten.\n"
                + "lowercaseOutputName: true\n"
                + "lowercaseOutputLabelNames: true\n"
                + "rules:\n"
                // Per-topic and all-topics broker rates (MessagesInPerSec, BytesInPerSec, BytesOutPerSec, ...)
                + "  - pattern: 'kafka.server<type=BrokerTopicMetrics, name=(.+)PerSec, topic=(.+)><>Count'\n"
                + "    name: kafka_server_brokertopicmetrics_$1_total\n"
                + "    type: COUNTER\n"
                + "    labels:\n"
                + "      topic: \"$2\"\n"
                + "  - pattern: 'kafka.server<type=BrokerTopicMetrics, name=(.+)PerSec><>Count'\n"
                + "    name: kafka_server_brokertopicmetrics_$1_total\n"
                + "    type: COUNTER\n"
                // Replication health: URP, under-min-ISR, offline partitions, ISR churn
                + "  - pattern: 'kafka.server<type=ReplicaManager, name=(.+)><>(Value|Count)'\n"
                + "    name: kafka_server_replicamanager_$1\n"
                + "  - pattern: 'kafka.controller<type=KafkaController, name=(.+)><>Value'\n"
                + "    name: kafka_controller_kafkacontroller_$1\n"
                + "  - pattern: 'kafka.server<type=KafkaServer, name=BrokerState><>Value'\n"
                + "    name: kafka_server_brokerstate\n"
                // Request latency percentiles and idle ratios
                + "  - pattern: 'kafka.network<type=RequestMetrics, name=TotalTimeMs, request=(Produce|FetchConsumer|FetchFollower)><>(\\d+)thPercentile'\n"
                + "    name: kafka_network_requestmetrics_totaltimems\n"
                + "    labels:\n"
                + "      request: \"$1\"\n"
                + "      quantile: \"0.$2\"\n"
                + "  - pattern: 'kafka.server<type=KafkaRequestHandlerPool, name=RequestHandlerAvgIdlePercent><>OneMinuteRate'\n"
                + "    name: kafka_server_requesthandler_avg_idle_ratio\n"
                + "  - pattern: 'kafka.network<type=SocketServer, name=NetworkProcessorAvgIdlePercent><>Value'\n"
                + "    name: kafka_network_processor_avg_idle_ratio\n";
        return new RenderedFile("jmx-exporter.yaml", configPath(inv, host), "0644", yaml);
    }
}
