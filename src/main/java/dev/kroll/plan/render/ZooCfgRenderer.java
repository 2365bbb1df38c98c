package dev.kroll.plan.render;

import dev.kroll.util.PropertiesText;
import dev.kroll.plan.ConfigValue;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.Plan;

/** A ZooKeeper server's zoo.cfg. */
public final class ZooCfgRenderer {

    private ZooCfgRenderer() {
    }

    public static String render(Plan plan, HostPlan host) {
        StringBuilder sb = new StringBuilder(PropertiesText.comment("ZooKeeper server " + host.name() + " (myid "
                        + host.myid().map(String::valueOf).orElse("?") + ") of cluster " + plan.inventory().cluster() + ".",
                "Rendered by kroll: change the inventory and run 'kroll render'; 'kroll plan --explain' shows where each value comes from."));
        sb.append('\n');
        boolean ensemble = false;
        for (ConfigValue v : host.zookeeper().values().values()) {
            if (!ensemble && v.key().startsWith("server.")) {
                sb.append('\n').append(PropertiesText.comment("The ensemble: server.<myid>=<address>:<peer port>:<election port>."));
                ensemble = true;
            }
            sb.append(PropertiesText.line(v.key(), v.value()));
        }
        return sb.toString();
    }
}
