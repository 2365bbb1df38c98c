package dev.kroll.plan.render;

import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.plan.HostPaths;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/** The systemd unit of a service ({@code kafka.service}, {@code zookeeper.service}, or the names in {@code services:}). */
public final class SystemdUnitRenderer {

    /** A controlled shutdown moves partition leadership away first; SIGKILL in the middle costs a long log recovery. */
    static final int KAFKA_STOP_TIMEOUT = 300;
    static final int ZOOKEEPER_STOP_TIMEOUT = 60;
    static final int KAFKA_NOFILE = 128000;
    static final int ZOOKEEPER_NOFILE = 100000;

    private SystemdUnitRenderer() {
    }

    public static String fileName(Inventory inv, Role role) {
        String unit = inv.services().of(role).unit();
        return unit.endsWith(".service") ? unit : unit + ".service";
    }

    public static String render(Plan plan, HostPlan host, Role role) {
        Inventory inv = plan.inventory();
        InstallPaths p = inv.pathsFor(host.host());
        String home = HostPaths.trim(p.kafkaHome());
        String conf = HostPaths.trim(p.configDir());
        boolean kafka = role == Role.KAFKA;
        List<String> unit = new ArrayList<>();
        unit.add("# " + fileName(inv, role) + " on " + host.name() + ", cluster " + inv.cluster() + ". Rendered by kroll.");
        unit.add("[Unit]");
        unit.add("Description=" + (kafka ? "Apache Kafka broker " + host.brokerId().map(String::valueOf).orElse("")
                : "Apache ZooKeeper server " + host.myid().map(String::valueOf).orElse("")) + " (" + inv.cluster() + ")");
        unit.add("Documentation=https://kafka.apache.org/39/documentation.html");
        unit.add("Wants=network-online.target");
        unit.add("After=network-online.target");
        if (kafka && host.has(Role.ZOOKEEPER)) {
            // Wants, not Requires: restarting the local ZooKeeper in a rolling restart must not restart the broker too.
            String zk = fileName(inv, Role.ZOOKEEPER);
            unit.add("Wants=" + zk);
            unit.add("After=" + zk);
        }
        // Never start on an unmounted data disk: the service would write to the root file system instead.
        unit.add("RequiresMountsFor=" + (kafka ? String.join(" ", p.logDirs()) : p.zookeeperDataDir()));
        unit.add("");
        unit.add("[Service]");
        unit.add("Type=simple");
        unit.add("User=" + p.serviceUser());
        unit.add("EnvironmentFile=" + conf + "/" + JvmEnvRenderer.fileName(role));
        unit.add("ExecStart=" + home + (kafka ? "/bin/kafka-server-start.sh " + conf + "/server.properties"
                : "/bin/zookeeper-server-start.sh " + conf + "/zoo.cfg"));
        unit.add("# SIGTERM starts " + (kafka ? "a controlled shutdown" : "an orderly shutdown") + "; the JVM then exits with 143.");
        unit.add("KillSignal=SIGTERM");
        unit.add("SuccessExitStatus=143");
        unit.add("TimeoutStopSec=" + (kafka ? KAFKA_STOP_TIMEOUT : ZOOKEEPER_STOP_TIMEOUT));
        unit.add("Restart=on-failure");
        unit.add("RestartSec=10");
        unit.add("LimitNOFILE=" + (kafka ? KAFKA_NOFILE : ZOOKEEPER_NOFILE));
        unit.add("");
        unit.add("[Install]");
        unit.add("WantedBy=multi-user.target");
        return String.join("\n", unit) + "\n";
    }
}
