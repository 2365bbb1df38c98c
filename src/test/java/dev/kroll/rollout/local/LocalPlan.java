package dev.kroll.rollout.local;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.rollout.port.RenderedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** IDs by position and small but complete-looking configuration files per listener phase. */
final class LocalPlan implements ClusterPlan {

    private final LocalCluster c;

    LocalPlan(LocalCluster c) {
        this.c = c;
    }

    @Override
    public int brokerId(Host host) {
        return c.inventory.hosts(Role.KAFKA).indexOf(host) + 1;
    }

    @Override
    public int zookeeperId(Host host) {
        return c.inventory.hosts(Role.ZOOKEEPER).indexOf(host) + 1;
    }

    @Override
    public List<RenderedFile> render(Host host, ListenerPhase phase) {
        List<RenderedFile> files = new ArrayList<>();
        String conf = c.inventory.paths().configDir();
        String zkConnect = c.inventory.hosts(Role.ZOOKEEPER).stream().map(h -> h.address() + ":2181").collect(Collectors.joining(","));
        if (host.has(Role.ZOOKEEPER)) {
            StringBuilder zoo = new StringBuilder("dataDir=" + c.inventory.paths().zookeeperDataDir() + "\nclientPort=2181\n");
            for (Host z : c.inventory.hosts(Role.ZOOKEEPER)) {
                zoo.append("server.").append(zookeeperId(z)).append('=').append(z.address()).append(":2888:3888\n");
            }
            files.add(RenderedFile.config(conf + "/zoo.cfg", zoo.toString(), Role.ZOOKEEPER));
            files.add(RenderedFile.config(c.inventory.paths().zookeeperDataDir() + "/myid", zookeeperId(host) + "\n", Role.ZOOKEEPER));
        }
        if (host.has(Role.KAFKA)) {
            String a = host.address();
            String listeners = switch (phase) {
                case PLAINTEXT -> "PLAINTEXT://" + a + ":9092";
                case SSL_ADDED, SSL_INTER_BROKER -> "PLAINTEXT://" + a + ":9092,SSL://" + a + ":9093";
                case SSL_ONLY -> "SSL://" + a + ":9093";
            };
            if (phase.key().equals(c.poisoned(host.name()))) {
                listeners = "SSL://" + a + ":not-a-port";
            }
            String inter = phase == ListenerPhase.PLAINTEXT || phase == ListenerPhase.SSL_ADDED ? "PLAINTEXT" : "SSL";
            StringBuilder sp = new StringBuilder("# kroll-phase: " + phase + "\n")
                    .append("broker.id=").append(brokerId(host)).append('\n')
                    .append("listeners=").append(listeners).append('\n')
                    .append("inter.broker.listener.name=").append(inter).append('\n');
            if (phase != ListenerPhase.PLAINTEXT) {
                sp.append("ssl.client.auth=required\nssl.enabled.protocols=TLSv1.3,TLSv1.2\n")
                        .append("ssl.keystore.location=").append(c.inventory.paths().secretsDir()).append("/server.keystore.p12\n");
            }
            sp.append("zookeeper.connect=").append(zkConnect).append('\n');
            if (c.override(host.name()) != null) {
                sp.append(c.override(host.name())).append('\n');
            }
            files.add(RenderedFile.config(conf + "/server.properties", sp.toString(), Role.KAFKA));
        }
        return files;
    }
}
