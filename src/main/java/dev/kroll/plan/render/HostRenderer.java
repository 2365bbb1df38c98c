package dev.kroll.plan.render;

import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.ServiceManager;
import dev.kroll.plan.HostPaths;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.JvmOptionsBuilder;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.plan.Plan;
import dev.kroll.plan.TlsLayout;
import dev.kroll.plan.monitoring.DatadogRenderer;
import dev.kroll.plan.monitoring.JmxExporterRenderer;
import java.util.ArrayList;
import java.util.List;

/** Every file one host needs for one listener phase, with where each goes on the host. Pure and deterministic. */
public final class HostRenderer {

    private HostRenderer() {
    }

    public static List<RenderedFile> render(Plan plan, HostPlan host, ListenerPhase phase) {
        if (plan.hasErrors()) {
            throw new IllegalArgumentException("a plan with errors cannot be rendered");
        }
        Inventory inv = plan.inventory();
        InstallPaths p = inv.pathsFor(host.host());
        String conf = HostPaths.trim(p.configDir());
        boolean systemd = inv.services().manager() == ServiceManager.SYSTEMD;
        List<RenderedFile> files = new ArrayList<>();
        if (host.has(Role.ZOOKEEPER)) {
            files.add(new RenderedFile("zoo.cfg", conf + "/zoo.cfg", "0644", ZooCfgRenderer.render(plan, host)));
            files.add(new RenderedFile("myid", HostPaths.trim(p.zookeeperDataDir()) + "/myid", "0644", MyidRenderer.render(host)));
            service(files, plan, host, Role.ZOOKEEPER, conf, systemd);
        }
        if (host.has(Role.KAFKA)) {
            files.add(new RenderedFile("server.properties", conf + "/server.properties", "0644",
                    ServerPropertiesRenderer.render(plan, host, phase)));
            files.add(new RenderedFile(TlsLayout.CLIENT_PROPERTIES, plan.tls(host.host()).clientProperties(), "0640",
                    ClientSslPropertiesRenderer.render(plan, host)));
            service(files, plan, host, Role.KAFKA, conf, systemd);
        }
        switch (inv.monitoring().agent()) {
            case DATADOG -> files.addAll(DatadogRenderer.render(inv, host.host()));
            case PROMETHEUS -> {
                if (host.has(Role.KAFKA)) {
                    files.add(JmxExporterRenderer.render(inv, host.host()));
                }
            }
            case NONE -> { }
        }
        return files;
    }

    private static void service(List<RenderedFile> files, Plan plan, HostPlan host, Role role, String conf, boolean systemd) {
        String env = JvmEnvRenderer.fileName(role);
        files.add(new RenderedFile(env, conf + "/" + env, "0644", JvmEnvRenderer.render(plan, host, role)));
        String log4j = JvmOptionsBuilder.log4jFile(role);
        files.add(new RenderedFile(log4j, conf + "/" + log4j, "0644", Log4jRenderer.render(role)));
        if (systemd) {
            String unit = SystemdUnitRenderer.fileName(plan.inventory(), role);
            files.add(new RenderedFile(unit, "/etc/systemd/system/" + unit, "0644", SystemdUnitRenderer.render(plan, host, role)));
        }
    }
}
