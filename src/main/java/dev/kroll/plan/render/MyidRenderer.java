package dev.kroll.plan.render;

import dev.kroll.plan.HostPlan;

/** ZooKeeper's {@code dataDir/myid}: the server's ID and nothing else. */
public final class MyidRenderer {

    private MyidRenderer() {
    }

    public static String render(HostPlan host) {
        return host.myid().orElseThrow(() -> new IllegalArgumentException(host.name() + " has no myid")) + "\n";
    }
}
