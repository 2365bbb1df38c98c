package dev.kroll.sandbox;

import dev.kroll.inventory.Advertise;
import dev.kroll.inventory.Firewall;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryWriter;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.inventory.Monitoring;
import dev.kroll.inventory.PathOverrides;
import dev.kroll.inventory.PreflightAcceptance;
import dev.kroll.inventory.PreflightCheck;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.ServiceControl;
import dev.kroll.inventory.ServiceManager;
import dev.kroll.inventory.Services;
import dev.kroll.inventory.SshSettings;
import dev.kroll.inventory.TlsSettings;
import dev.kroll.util.Files2;
import dev.kroll.util.Setting;
import dev.kroll.util.SourcePos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inventory of a sandbox: cluster {@code sandbox}, hosts {@code kroll-sandbox-1..N} on their loopback
 * addresses, ZooKeeper on the first 3 (5 from 5 hosts on; 1 below 3 hosts) and Kafka on all, brokers
 * advertising addresses (the names resolve nowhere), SSH with the sandbox's client key, each host's own
 * absolute {@code paths:} inside its tree, and the {@code script} service manager calling each host's
 * {@code ~/bin/sandbox-service}.
 */
public final class SandboxInventory {

    public static final String CLUSTER = "sandbox";

    /** A host's paths: a production layout inside the host's tree (its home). */
    public static InstallPaths paths(java.nio.file.Path home, String serviceUser) {
        String h = home.toAbsolutePath().normalize().toString();
        return new InstallPaths(h + "/opt/kafka", h + "/etc/kafka", h + "/etc/kafka/ssl", h + "/var/lib/zookeeper",
                List.of(h + "/srv/kafka-logs"), h + "/var/log/kafka", serviceUser);
    }

    /** The cluster's paths: kroll's defaults run as the sandbox's user (every host overrides the paths). */
    static InstallPaths clusterPaths(String user) {
        InstallPaths d = InstallPaths.DEFAULT;
        return new InstallPaths(d.kafkaHome(), d.configDir(), d.secretsDir(), d.zookeeperDataDir(), d.logDirs(), d.appLogDir(), user);
    }

    public static Services services() {
        return new Services(ServiceManager.SCRIPT, control("kafka"), control("zookeeper"));
    }

    private static ServiceControl control(String service) {
        return new ServiceControl(null, ServiceScript.command("start", service), ServiceScript.command("stop", service),
                ServiceScript.command("status", service));
    }

    /**
     * What a sandbox on a developer machine legitimately fails in preflight, accepted explicitly so that
     * the shipped first-time-setup runs on it unchanged (and shows these as accepted).
     */
    static final List<PreflightAcceptance> ACCEPTED = List.of(
            new PreflightAcceptance(PreflightCheck.NOFILE, List.of(), "the simulated hosts are processes of this machine and share"
                    + " its open-file limit (often 1024): plenty for a sandbox's few partitions, not for a production broker",
                    SourcePos.NONE));

    public static int zookeeperCount(int hosts) {
        return hosts >= 5 ? 5 : hosts >= 3 ? 3 : 1;
    }

    private SandboxInventory() {
    }

    /** The inventory value. Pure. */
    public static Inventory build(SandboxLayout layout, List<HostEndpoint> endpoints, String user) {
        int zk = zookeeperCount(endpoints.size());
        List<Host> hosts = new ArrayList<>();
        for (HostEndpoint e : endpoints) {
            boolean zookeeper = e.index() < zk;
            Set<Role> roles = zookeeper ? EnumSet.of(Role.ZOOKEEPER, Role.KAFKA) : EnumSet.of(Role.KAFKA);
            Map<String, String> heap = new LinkedHashMap<>();
            heap.put("kafka", ServiceScript.KAFKA_HEAP);
            if (zookeeper) {
                heap.put("zookeeper", ServiceScript.ZOOKEEPER_HEAP);
            }
            SshSettings ssh = new SshSettings(user, e.sshPort(), layout.clientKey().toString(), false);
            PathOverrides paths = PathOverrides.allPaths(paths(layout.home(e.name()), user));
            hosts.add(new Host(e.name(), e.address(), List.of(), roles, null, List.of(), null, null, null, heap, ssh, e.ports(), paths,
                    Map.of(), Map.of(), SourcePos.NONE, Map.of()));
        }
        int rf = Math.min(3, endpoints.size());
        Map<String, Setting> broker = new LinkedHashMap<>();
        broker.put("default.replication.factor", Setting.of(String.valueOf(rf)));
        broker.put("min.insync.replicas", Setting.of(String.valueOf(Math.max(1, rf - 1))));
        broker.put("offsets.topic.replication.factor", Setting.of(String.valueOf(rf)));
        broker.put("transaction.state.log.replication.factor", Setting.of(String.valueOf(rf)));
        broker.put("num.partitions", Setting.of("3"));
        return new Inventory(CLUSTER, layout.inventory(), null, null, Advertise.ADDRESS, clusterPaths(user), services(),
                broker, Map.of(), Map.of(), hosts, Monitoring.DEFAULT, Firewall.DEFAULT, TlsSettings.DEFAULT, ACCEPTED, SourcePos.NONE);
    }

    /** Writes the inventory (atomically) and reads it back through kroll's own reader, which validates it. */
    public static Inventory write(SandboxLayout layout, List<HostEndpoint> endpoints, String user) {
        Inventory inv = build(layout, endpoints, user);
        String yaml = "# The inventory of a kroll sandbox (" + endpoints.size() + " simulated hosts), written by 'kroll demo'.\n"
                + "# Each host has its own tree under " + layout.hostsDir() + ", so each host has its own paths.\n"
                + InventoryWriter.toYaml(inv);
        try {
            Files2.writeAtomically(layout.inventory(), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return KrollYaml.load(layout.inventory());
    }
}
