package dev.kroll.rollout.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.rollout.port.ServiceDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceDirTest {

    @TempDir
    Path tmp;

    @Test
    void eachRoleGetsTheDirectoriesItWritesToAndDataIsNotReadableByOthers() throws Exception {
        Path f = tmp.resolve("cluster.yaml");
        Files.writeString(f, """
                cluster: {name: dirs}
                paths:
                  log_dirs: [/data1/kafka, /data2/kafka]
                hosts:
                  - {name: zk1, address: 10.0.0.1, roles: [zookeeper]}
                  - {name: k1, address: 10.0.0.2, roles: [kafka]}
                """);
        Inventory inv = KrollYaml.load(f);
        Host zk = inv.host("zk1").orElseThrow();
        Host k = inv.host("k1").orElseThrow();

        assertEquals(List.of(new ServiceDir("/var/lib/zookeeper", 0750, "ZooKeeper dataDir"),
                new ServiceDir("/var/log/kafka", 0755, "application log dir")), ServiceDir.of(zk, inv.pathsFor(zk)));
        assertEquals(List.of(new ServiceDir("/data1/kafka", 0750, "Kafka log dir"), new ServiceDir("/data2/kafka", 0750, "Kafka log dir"),
                new ServiceDir("/var/log/kafka", 0755, "application log dir")), ServiceDir.of(k, inv.pathsFor(k)));
    }

    @Test
    void theScriptChownsOnlyAsRootAndOnlyWhatDiffers() {
        String s = SshInstaller.directoriesScript(List.of(new ServiceDir("/srv/kafka logs", 0750, "Kafka log dir")), "kafka");
        assertTrue(s.contains("d='/srv/kafka logs'"), s);
        assertTrue(s.contains("if [ -n \"$root\" ] && [ \"$(stat -c %U -- \"$d\")\" != kafka ]; then chown -- kafka: \"$d\""), s);
        assertTrue(s.contains("!= 750 ]; then chmod -- 750 \"$d\""), s);
        assertTrue(s.contains("the service user kafka does not exist on this host"), s);
    }
}
