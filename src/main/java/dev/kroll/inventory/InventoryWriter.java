package dev.kroll.inventory;

import dev.kroll.util.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Writes an inventory as kroll YAML, leaving out whatever equals the defaults. Deterministic. */
public final class InventoryWriter {

    private InventoryWriter() {
    }

    public static String toYaml(Inventory inv) {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("name", inv.cluster());
        putIf(cluster, "zookeeper_chroot", inv.zookeeperChroot());
        putIf(cluster, "theme", inv.theme());
        if (inv.advertise() == Advertise.ADDRESS) {
            cluster.put("advertise", "address");
        }
        doc.put("cluster", cluster);

        if (!inv.paths().equals(InstallPaths.DEFAULT)) {
            InstallPaths p = inv.paths();
            InstallPaths d = InstallPaths.DEFAULT;
            Map<String, Object> paths = new LinkedHashMap<>();
            putIfChanged(paths, "kafka_home", p.kafkaHome(), d.kafkaHome());
            putIfChanged(paths, "config_dir", p.configDir(), d.configDir());
            putIfChanged(paths, "secrets_dir", p.secretsDir(), d.secretsDir());
            putIfChanged(paths, "zookeeper_data_dir", p.zookeeperDataDir(), d.zookeeperDataDir());
            putIfChanged(paths, "log_dirs", p.logDirs(), d.logDirs());
            putIfChanged(paths, "app_log_dir", p.appLogDir(), d.appLogDir());
            putIfChanged(paths, "service_user", p.serviceUser(), d.serviceUser());
            doc.put("paths", paths);
        }
        if (!inv.services().equals(Services.DEFAULT)) {
            Map<String, Object> services = new LinkedHashMap<>();
            services.put("manager", inv.services().manager().name().toLowerCase());
            services.put("kafka", control(inv.services().kafka()));
            services.put("zookeeper", control(inv.services().zookeeper()));
            doc.put("services", services);
        }
        if (!inv.tls().equals(TlsSettings.DEFAULT)) {
            doc.put("tls", Map.of("keystore_type", inv.tls().keystoreType().name()));
        }
        if (!inv.broker().isEmpty()) {
            doc.put("broker", KrollYaml.values(inv.broker()));
        }
        if (!inv.zookeeper().isEmpty()) {
            doc.put("zookeeper", KrollYaml.values(inv.zookeeper()));
        }
        if (!inv.groups().isEmpty()) {
            Map<String, Object> groups = new LinkedHashMap<>();
            inv.groups().forEach((name, g) -> {
                Map<String, Object> gm = new LinkedHashMap<>();
                putSettings(gm, "broker", g.broker());
                putSettings(gm, "zookeeper", g.zookeeper());
                groups.put(name, gm);
            });
            doc.put("groups", groups);
        }
        if (!inv.monitoring().equals(Monitoring.DEFAULT)) {
            Monitoring mo = inv.monitoring();
            Monitoring d = Monitoring.DEFAULT;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("agent", mo.agent().name().toLowerCase());
            putIfChanged(m, "datadog_conf_dir", mo.datadogConfDir(), d.datadogConfDir());
            putIfChanged(m, "exporter_jar", mo.exporterJar(), d.exporterJar());
            putIfChanged(m, "exporter_port", mo.exporterPort(), d.exporterPort());
            doc.put("monitoring", m);
        }
        if (!inv.firewall().equals(Firewall.DEFAULT)) {
            Map<String, Object> fw = new LinkedHashMap<>();
            fw.put("client_networks", inv.firewall().clientNetworks());
            fw.put("admin_hosts", inv.firewall().adminHosts());
            putIfChanged(fw, "manager_port", inv.firewall().managerPort(), 0);
            doc.put("firewall", fw);
        }
        List<Object> hosts = new ArrayList<>();
        for (Host h : inv.hosts()) {
            hosts.add(host(h));
        }
        doc.put("hosts", hosts);

        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(120).build();
        return "# kroll inventory — see docs/inventory.md\n" + new Dump(settings).dumpToString(doc);
    }

    private static Map<String, Object> host(Host h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        if (!h.address().equals(h.name())) {
            m.put("address", h.address());
        }
        if (!h.aliases().isEmpty()) {
            m.put("aliases", h.aliases());
        }
        m.put("roles", h.roles().stream().map(Role::key).toList());
        putIf(m, "rack", h.rack());
        if (!h.groups().isEmpty()) {
            m.put("groups", h.groups());
        }
        putIf(m, "broker_id", h.brokerId());
        putIf(m, "zookeeper_id", h.zookeeperId());
        if (h.memory() != null) {
            m.put("memory", h.memory().jvm());
        }
        if (!h.heap().isEmpty()) {
            m.put("heap", h.heap());
        }
        SshSettings s = h.ssh();
        SshSettings d = SshSettings.DEFAULT;
        Map<String, Object> ssh = new LinkedHashMap<>();
        putIfChanged(ssh, "user", s.user(), d.user());
        putIfChanged(ssh, "port", s.port(), d.port());
        putIfChanged(ssh, "key", s.keyFile(), d.keyFile());
        putIfChanged(ssh, "become", s.become(), d.become());
        if (!ssh.isEmpty()) {
            m.put("ssh", ssh);
        }
        if (!h.ports().equals(Ports.DEFAULT)) {
            Ports p = h.ports();
            Ports dp = Ports.DEFAULT;
            Map<String, Object> ports = new LinkedHashMap<>();
            putIfChanged(ports, "zookeeper_client", p.zookeeperClient(), dp.zookeeperClient());
            putIfChanged(ports, "zookeeper_peer", p.zookeeperPeer(), dp.zookeeperPeer());
            putIfChanged(ports, "zookeeper_election", p.zookeeperElection(), dp.zookeeperElection());
            putIfChanged(ports, "zookeeper_admin", p.zookeeperAdmin(), dp.zookeeperAdmin());
            putIfChanged(ports, "kafka_plaintext", p.kafkaPlaintext(), dp.kafkaPlaintext());
            putIfChanged(ports, "kafka_ssl", p.kafkaSsl(), dp.kafkaSsl());
            putIfChanged(ports, "kafka_jmx", p.kafkaJmx(), dp.kafkaJmx());
            putIfChanged(ports, "zookeeper_jmx", p.zookeeperJmx(), dp.zookeeperJmx());
            m.put("ports", ports);
        }
        putSettings(m, "broker", h.broker());
        putSettings(m, "zookeeper", h.zookeeper());
        return m;
    }

    private static Map<String, Object> control(ServiceControl c) {
        Map<String, Object> m = new LinkedHashMap<>();
        putIf(m, "unit", c.unit());
        putIf(m, "start", c.start());
        putIf(m, "stop", c.stop());
        putIf(m, "status", c.status());
        return m;
    }

    private static void putSettings(Map<String, Object> m, String key, Map<String, Setting> settings) {
        if (!settings.isEmpty()) {
            m.put(key, KrollYaml.values(settings));
        }
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    private static void putIfChanged(Map<String, Object> m, String key, Object value, Object dflt) {
        if (value != null && !Objects.equals(value, dflt)) {
            m.put(key, value);
        }
    }
}
