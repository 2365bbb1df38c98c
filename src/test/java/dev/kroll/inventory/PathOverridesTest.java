package dev.kroll.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.util.Problem;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathOverridesTest {

    private static final Path FILE = Path.of("c.yaml");

    private static Inventory read(String yaml, List<Problem> problems) {
        Inventory inv = KrollYaml.read(YamlTrees.parse(yaml, FILE), FILE, problems);
        problems.addAll(InventoryValidator.validate(inv));
        return inv;
    }

    @Test
    void aHostOverridesOnlyTheKeysItGivesAndInheritsTheRest() {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read("""
                cluster: {name: c}
                paths: {kafka_home: /opt/kafka-3.9, log_dirs: [/srv/kafka-logs], service_user: kafka}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka]}
                  - {name: b, address: 10.0.0.2, roles: [kafka], paths: {log_dirs: [/data1/k, /data2/k]}}
                """, problems);

        assertTrue(problems.stream().noneMatch(Problem::isError), problems::toString);
        Host a = inv.host("a").orElseThrow();
        Host b = inv.host("b").orElseThrow();
        assertEquals(inv.paths(), inv.pathsFor(a));
        assertEquals(List.of("/data1/k", "/data2/k"), inv.pathsFor(b).logDirs());
        assertEquals("/opt/kafka-3.9", inv.pathsFor(b).kafkaHome());
        assertEquals("/etc/kafka", inv.pathsFor(b).configDir(), "kroll's default, through the cluster");
        assertEquals("kafka", inv.pathsFor(b).serviceUser());
    }

    @Test
    void aRelativeHostPathIsRefusedAtItsLine() {
        List<Problem> problems = new ArrayList<>();
        read("""
                cluster: {name: c}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka], paths: {config_dir: etc/kafka}}
                """, problems);

        assertEquals(List.of("c.yaml:3:68: error: paths.config_dir of host a 'etc/kafka' is relative; kroll needs absolute paths"
                + " — write the absolute path, e.g. '/etc/kafka' (a host with another layout gives its own 'paths:')"),
                problems.stream().filter(Problem::isError).map(Problem::format).toList());
    }

    @Test
    void theWriterKeepsExactlyTheKeysAHostGave() {
        List<Problem> problems = new ArrayList<>();
        Inventory inv = read("""
                cluster: {name: c}
                hosts:
                  - {name: a, address: 10.0.0.1, roles: [zookeeper, kafka], paths: {secrets_dir: /etc/kafka/ssl, app_log_dir: /logs}}
                """, problems);

        String yaml = InventoryWriter.toYaml(inv);
        Inventory again = read(yaml, new ArrayList<>());

        assertTrue(yaml.contains("    paths:\n      secrets_dir: /etc/kafka/ssl\n      app_log_dir: /logs\n"), yaml);
        assertEquals(inv.hosts().get(0).paths(), again.hosts().get(0).paths());
    }
}
