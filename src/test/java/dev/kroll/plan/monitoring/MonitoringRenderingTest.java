package dev.kroll.plan.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.plan.firewall.Golden;
import dev.kroll.plan.render.RenderedFile;
import dev.kroll.util.yaml.YNode;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitoringRenderingTest {

    private final Inventory inv = KrollYaml.load(Path.of("src/test/resources/around/cluster.yaml"));

    @Test
    void datadogFilesForABrokerAndAZooKeeperHostMatchTheGoldenFiles() throws Exception {
        for (String name : List.of("kafka1.example.com", "zk1.example.com")) {
            for (RenderedFile f : DatadogRenderer.render(inv, host(name))) {
                String rel = f.path().substring(inv.monitoring().datadogConfDir().length() + 1).replace('/', '_');
                Golden.assertMatches("around/golden/" + name + ".datadog." + rel, f.content());
            }
        }
    }

    @Test
    void brokersGetTheKafkaAndProcessChecksAndZooKeeperHostsTheZkCheck() {
        List<String> broker = DatadogRenderer.render(inv, host("kafka1.example.com")).stream().map(RenderedFile::path).toList();
        List<String> zk = DatadogRenderer.render(inv, host("zk1.example.com")).stream().map(RenderedFile::path).toList();
        assertEquals(List.of("/etc/datadog-agent/conf.d/kafka.d/conf.yaml", "/etc/datadog-agent/conf.d/process.d/conf.yaml"), broker);
        assertEquals(List.of("/etc/datadog-agent/conf.d/zk.d/conf.yaml", "/etc/datadog-agent/conf.d/process.d/conf.yaml"), zk);
    }

    @Test
    void everyRenderedFileIsValidYaml() {
        for (Host h : inv.hosts()) {
            for (RenderedFile f : DatadogRenderer.render(inv, h)) {
                YNode tree = YamlTrees.parse(f.content(), Path.of(f.path()));
                assertTrue(tree instanceof dev.kroll.util.yaml.YMap, f.path());
            }
        }
        RenderedFile exporter = JmxExporterRenderer.render(inv, host("kafka1.example.com"));
        assertTrue(YamlTrees.parse(exporter.content(), Path.of(exporter.path())) instanceof dev.kroll.util.yaml.YMap);
    }

    @Test
    void exporterAgentServesOnTheHostAddressWithTheRenderedConfig() throws Exception {
        assertEquals("-javaagent:/opt/jmx-exporter/jmx_prometheus_javaagent.jar=10.0.1.21:7071:/etc/kafka/jmx-exporter.yaml",
                JmxExporterRenderer.javaAgentOption(inv, host("kafka1.example.com")));
        Golden.assertMatches("around/golden/jmx-exporter.yaml", JmxExporterRenderer.render(inv, host("kafka1.example.com")).content());
    }

    private Host host(String name) {
        return inv.host(name).orElseThrow();
    }
}
