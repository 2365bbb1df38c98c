package dev.kroll.inventory;

import dev.kroll.util.Setting;
import dev.kroll.util.SourcePos;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster as the operator described it: hosts with roles, overrides by layer, paths and how
 * services are managed. Immutable; importers produce it, the planner consumes it.
 *
 * @param file the file it was read from (the {@code .kroll/} state directory sits beside it), or null
 * @param zookeeperChroot optional chroot appended to {@code zookeeper.connect}, e.g. {@code /kafka}
 * @param theme optional TUI theme for this cluster (e.g. a red accent for production)
 * @param advertise whether brokers advertise host names (default) or addresses
 * @param broker cluster-wide broker overrides (the layer above kroll's defaults)
 * @param zookeeper cluster-wide ZooKeeper overrides
 * @param monitoring the monitoring agent whose configuration kroll renders
 * @param firewall who may reach the cluster's ports, beyond its own hosts
 * @param tls keystore format and other cluster-wide TLS choices
 * @param accepted preflight findings the operator explicitly accepts ({@code preflight.accept})
 */
public record Inventory(String cluster, Path file, String zookeeperChroot, String theme, Advertise advertise,
                        InstallPaths paths, Services services,
                        Map<String, Setting> broker, Map<String, Setting> zookeeper,
                        Map<String, Group> groups, List<Host> hosts, Monitoring monitoring, Firewall firewall, TlsSettings tls,
                        List<PreflightAcceptance> accepted, SourcePos pos) {

    public Inventory {
        broker = Collections.unmodifiableMap(new LinkedHashMap<>(broker));
        zookeeper = Collections.unmodifiableMap(new LinkedHashMap<>(zookeeper));
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        hosts = List.copyOf(hosts);
        tls = tls == null ? TlsSettings.DEFAULT : tls;
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
    }

    /** An inventory that accepts no preflight finding. */
    public Inventory(String cluster, Path file, String zookeeperChroot, String theme, Advertise advertise,
                     InstallPaths paths, Services services,
                     Map<String, Setting> broker, Map<String, Setting> zookeeper,
                     Map<String, Group> groups, List<Host> hosts, Monitoring monitoring, Firewall firewall, TlsSettings tls, SourcePos pos) {
        this(cluster, file, zookeeperChroot, theme, advertise, paths, services, broker, zookeeper, groups, hosts, monitoring, firewall,
                tls, List.of(), pos);
    }

    /** An inventory with the default TLS settings (the form before {@code tls:} existed). */
    public Inventory(String cluster, Path file, String zookeeperChroot, String theme, Advertise advertise,
                     InstallPaths paths, Services services,
                     Map<String, Setting> broker, Map<String, Setting> zookeeper,
                     Map<String, Group> groups, List<Host> hosts, Monitoring monitoring, Firewall firewall, SourcePos pos) {
        this(cluster, file, zookeeperChroot, theme, advertise, paths, services, broker, zookeeper, groups, hosts, monitoring, firewall,
                TlsSettings.DEFAULT, List.of(), pos);
    }

    public List<Host> hosts(Role role) {
        return hosts.stream().filter(h -> h.has(role)).toList();
    }

    public Optional<Host> host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    /** The {@code .kroll/} directory beside the inventory file (or in the working directory). */
    public Path stateDir() {
        Path dir = file == null ? null : file.toAbsolutePath().getParent();
        return (dir == null ? Path.of("").toAbsolutePath() : dir).resolve(".kroll");
    }

    public Inventory withHosts(List<Host> newHosts) {
        return new Inventory(cluster, file, zookeeperChroot, theme, advertise, paths, services, broker, zookeeper, groups, newHosts, monitoring, firewall, tls,
                accepted, pos);
    }

    /** Where things live on this host: the cluster's {@code paths} with the host's own {@code paths} over them. */
    public InstallPaths pathsFor(Host host) {
        return host.paths().over(paths);
    }

    public Inventory withFile(Path f) {
        return new Inventory(cluster, f, zookeeperChroot, theme, advertise, paths, services, broker, zookeeper, groups, hosts, monitoring, firewall, tls,
                accepted, pos);
    }

    /** The same inventory accepting more preflight findings (e.g. from {@code --accept}). */
    public Inventory withAccepted(List<PreflightAcceptance> more) {
        List<PreflightAcceptance> all = new java.util.ArrayList<>(accepted);
        all.addAll(more);
        return new Inventory(cluster, file, zookeeperChroot, theme, advertise, paths, services, broker, zookeeper, groups, hosts, monitoring, firewall, tls,
                all, pos);
    }
}
