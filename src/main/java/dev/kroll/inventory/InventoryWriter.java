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
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Writes an inventory as kroll YAML, leaving out whatever equals the defaults. Short lists (roles,
 * aliases, groups) are written in flow style, {@code [zookeeper, kafka]}; SSH settings that every
 * host shares go to the top-level {@code ssh:} once. Deterministic.
 */
public final class InventoryWriter {

    /** Lists of plain words up to this many characters are written on one line. */
    private static final int FLOW_WIDTH = 60;

    /** A list to be written in flow style. */
    private record Flow(List<?> items) {
    }

    private static final class Representer extends StandardRepresenter {
        Representer(DumpSettings settings) {
            super(settings);
            representers.put(Flow.class, data -> representSequence(Tag.SEQ, ((Flow) data).items(), FlowStyle.FLOW));
        }
    }

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

        SshSettings common = commonSsh(inv);
        // The user is always written: the default (the local user) would mean someone else on another jump host.
        Map<String, Object> topSsh = ssh(common, SshSettings.DEFAULT.withUser(null));
        if (!topSsh.isEmpty()) {
            doc.put("ssh", topSsh);
        }
        if (!inv.paths().equals(InstallPaths.DEFAULT)) {
            doc.put("paths", paths(inv.paths(), InstallPaths.DEFAULT));
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
            fw.put("client_networks", flow(inv.firewall().clientNetworks()));
            fw.put("admin_hosts", flow(inv.firewall().adminHosts()));
            putIfChanged(fw, "manager_port", inv.firewall().managerPort(), 0);
            doc.put("firewall", fw);
        }
        if (!inv.accepted().isEmpty()) {
            List<Object> accept = new ArrayList<>();
            for (PreflightAcceptance a : inv.accepted()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("check", a.check().id());
                if (!a.hosts().isEmpty()) {
                    m.put("hosts", flow(a.hosts()));
                }
                m.put("reason", a.reason());
                accept.add(m);
            }
            doc.put("preflight", Map.of("accept", accept));
        }
        List<Object> hosts = new ArrayList<>();
        for (Host h : inv.hosts()) {
            hosts.add(host(h, common));
        }
        doc.put("hosts", hosts);

        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2)
                .setIndicatorIndent(2).setIndentWithIndicator(true).setWidth(120).build();
        return "# kroll inventory — see docs/inventory.md\n" + new Dump(settings, new Representer(settings)).dumpToString(doc);
    }

    /** Field by field, the SSH setting all hosts share, or the default where they differ. */
    private static SshSettings commonSsh(Inventory inv) {
        SshSettings d = SshSettings.DEFAULT;
        List<SshSettings> all = inv.hosts().stream().map(Host::ssh).toList();
        return new SshSettings(common(all, SshSettings::user, d.user()), common(all, SshSettings::port, d.port()),
                common(all, SshSettings::keyFile, d.keyFile()), common(all, SshSettings::become, d.become()));
    }

    private static <T> T common(List<SshSettings> all, java.util.function.Function<SshSettings, T> field, T dflt) {
        List<T> values = all.stream().map(field).distinct().toList();
        return values.size() == 1 ? values.get(0) : dflt;
    }

    private static Map<String, Object> ssh(SshSettings s, SshSettings d) {
        Map<String, Object> ssh = new LinkedHashMap<>();
        putIfChanged(ssh, "user", s.user(), d.user());
        putIfChanged(ssh, "port", s.port(), d.port());
        putIfChanged(ssh, "key", s.keyFile(), d.keyFile());
        putIfChanged(ssh, "become", s.become(), d.become());
        return ssh;
    }

    /** A list of words short enough for one line becomes a flow list. */
    private static Object flow(List<?> items) {
        boolean words = items.stream().allMatch(i -> i instanceof String || i instanceof Number);
        int width = items.stream().mapToInt(i -> String.valueOf(i).length() + 2).sum();
        return words && width <= FLOW_WIDTH ? new Flow(items) : items;
    }

    private static Map<String, Object> host(Host h, SshSettings base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        if (!h.address().equals(h.name())) {
            m.put("address", h.address());
        }
        if (!h.aliases().isEmpty()) {
            m.put("aliases", flow(h.aliases()));
        }
        m.put("roles", flow(h.roles().stream().map(Role::key).toList()));
        putIf(m, "rack", h.rack());
        if (!h.groups().isEmpty()) {
            m.put("groups", flow(h.groups()));
        }
        putIf(m, "broker_id", h.brokerId());
        putIf(m, "zookeeper_id", h.zookeeperId());
        if (h.memory() != null) {
            m.put("memory", h.memory().jvm());
        }
        if (!h.heap().isEmpty()) {
            m.put("heap", h.heap());
        }
        Map<String, Object> ssh = ssh(h.ssh(), base);
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
        if (!h.paths().isEmpty()) {
            m.put("paths", paths(h.paths()));
        }
        putSettings(m, "broker", h.broker());
        putSettings(m, "zookeeper", h.zookeeper());
        return m;
    }

    /** The keys of {@code p} that differ from {@code d}. */
    private static Map<String, Object> paths(InstallPaths p, InstallPaths d) {
        Map<String, Object> paths = new LinkedHashMap<>();
        putIfChanged(paths, "kafka_home", p.kafkaHome(), d.kafkaHome());
        putIfChanged(paths, "config_dir", p.configDir(), d.configDir());
        putIfChanged(paths, "secrets_dir", p.secretsDir(), d.secretsDir());
        putIfChanged(paths, "zookeeper_data_dir", p.zookeeperDataDir(), d.zookeeperDataDir());
        putIfChanged(paths, "log_dirs", flow(p.logDirs()), flow(d.logDirs()));
        putIfChanged(paths, "app_log_dir", p.appLogDir(), d.appLogDir());
        putIfChanged(paths, "service_user", p.serviceUser(), d.serviceUser());
        return paths;
    }

    /** Exactly the keys a host gives. */
    private static Map<String, Object> paths(PathOverrides o) {
        Map<String, Object> paths = new LinkedHashMap<>();
        putIf(paths, "kafka_home", o.kafkaHome());
        putIf(paths, "config_dir", o.configDir());
        putIf(paths, "secrets_dir", o.secretsDir());
        putIf(paths, "zookeeper_data_dir", o.zookeeperDataDir());
        putIf(paths, "log_dirs", o.logDirs() == null ? null : flow(o.logDirs()));
        putIf(paths, "app_log_dir", o.appLogDir());
        putIf(paths, "service_user", o.serviceUser());
        return paths;
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
