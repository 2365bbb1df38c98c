package dev.kroll.plan.monitoring;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.plan.JvmOptionsBuilder;
import dev.kroll.plan.render.RenderedFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The Datadog Agent's integration files for one host: the Kafka JMX check against the broker's local
 * JMX port, the ZooKeeper check (it needs {@code mntr} and {@code stat} in the 4lw whitelist, which
 * kroll's defaults include) and a process check, so a dead JVM alerts even when JMX cannot answer.
 */
public final class DatadogRenderer {

    private DatadogRenderer() {
    }

    public static List<RenderedFile> render(Inventory inv, Host host) {
        String dir = inv.monitoring().datadogConfDir();
        String tags = "      tags:\n        - kafka_cluster:" + inv.cluster() + "\n";
        List<RenderedFile> files = new ArrayList<>();
        if (host.has(Role.KAFKA)) {
            files.add(file(dir, "kafka.d/conf.yaml", header(inv, host)
                    + "init_config:\n"
                    + "  is_jmx: true\n"
                    + "  collect_default_metrics: true\n"
                    + "instances:\n"
                    + "    # JMX listens on the host's loopback only, so the Agent must run on this host.\n"
                    + "    - host: " + JvmOptionsBuilder.jmxAddress(host) + "\n"
                    + "      port: " + host.ports().kafkaJmx() + "\n"
                    + tags));
        }
        if (host.has(Role.ZOOKEEPER)) {
            files.add(file(dir, "zk.d/conf.yaml", header(inv, host)
                    + "init_config:\n"
                    + "instances:\n"
                    + "    - host: " + host.address() + "\n"
                    + "      port: " + host.ports().zookeeperClient() + "\n"
                    + "      timeout: 3\n"
                    + tags));
        }
        StringBuilder proc = new StringBuilder(header(inv, host)).append("init_config:\n").append("instances:\n");
        if (host.has(Role.KAFKA)) {
            proc.append(process("kafka", "kafka.Kafka", inv));
        }
        if (host.has(Role.ZOOKEEPER)) {
            proc.append(process("zookeeper", "org.apache.zookeeper.server.quorum.QuorumPeerMain", inv));
        }
        files.add(file(dir, "process.d/conf.yaml", proc.toString()));
        return files;
    }

    private static RenderedFile file(String confDir, String relative, String content) {
        return new RenderedFile("datadog/" + relative, confDir + "/" + relative, "0644", content);
    }

    private static String process(String name, String mainClass, Inventory inv) {
        return "    - name: " + name + "\n"
                + "      search_string:\n"
                + "        - " + mainClass + "\n"
                + "      exact_match: false\n"
                + "      thresholds:\n"
                + "        critical: [1, 1]\n"
                + "      tags:\n"
                + "        - kafka_cluster:" + inv.cluster() + "\n";
    }

    private static String header(Inventory inv, Host host) {
        return "# Rendered by kroll for " + host.name() + " (cluster " + inv.cluster() + "); changes are overwritten.\n";
    }
}
