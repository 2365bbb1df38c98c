package dev.kroll.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.inventory.JmxLoopback;
import dev.kroll.inventory.Role;
import dev.kroll.util.ByteSize;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JvmOptionsBuilderTest {

    private static JvmOptions kafka(String address) {
        return JvmOptionsBuilder.build(Host.of("h", address, Set.of(Role.KAFKA)), Role.KAFKA, ByteSize.ofGiB(6), InstallPaths.DEFAULT);
    }

    @Test
    void theHeapHasAFixedSize() {
        assertEquals("-Xms6g -Xmx6g", kafka("10.0.0.1").heap());
    }

    @Test
    void g1IsTunedForShortPauses() {
        String perf = kafka("10.0.0.1").performance();
        for (String flag : new String[] {"-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:InitiatingHeapOccupancyPercent=35",
            "-XX:+ExplicitGCInvokesConcurrent"}) {
            assertTrue(perf.contains(flag), flag);
        }
    }

    @Test
    void gcLogsRotateByCountAndSize() {
        assertEquals("-Xlog:gc*:file=/var/log/kafka/kafka-gc.log:time,tags:filecount=10,filesize=100M", kafka("10.0.0.1").gcLog());
        JvmOptions zk = JvmOptionsBuilder.build(Host.of("h", "10.0.0.1", Set.of(Role.ZOOKEEPER)), Role.ZOOKEEPER, ByteSize.ofGiB(1),
                InstallPaths.DEFAULT);
        assertTrue(zk.gcLog().contains("file=/var/log/kafka/zookeeper-gc.log:"), zk.gcLog());
        assertEquals(9998, zk.jmxPort());
    }

    @Test
    void jmxListensOnTheHostsOwnLoopbackAddressWithTheRmiPortEqualToTheJmxPort() {
        JvmOptions o = kafka("10.0.0.1");
        String a = JmxLoopback.address(Host.of("h", "10.0.0.1", Set.of(Role.KAFKA)));
        assertEquals(a, o.jmxAddress());
        assertTrue(a.startsWith("127.") && !a.equals("127.0.0.1"), a);
        assertTrue(o.jmx().contains("-Dcom.sun.management.jmxremote.host=" + a), o.jmx());
        assertTrue(o.jmx().contains("-Dcom.sun.management.jmxremote.port=9999 -Dcom.sun.management.jmxremote.rmi.port=9999"), o.jmx());
        assertTrue(o.jmx().contains("-Djava.rmi.server.hostname=" + a), o.jmx());
    }

    @Test
    void aHostWhoseAddressIsLoopbackKeepsJmxOnItsOwnAddress() {
        JvmOptions o = kafka("127.0.0.12");
        assertEquals("127.0.0.12", o.jmxAddress());
        assertTrue(o.jmx().contains("-Dcom.sun.management.jmxremote.host=127.0.0.12"), o.jmx());
        assertTrue(o.jmx().contains("-Djava.rmi.server.hostname=127.0.0.12"), o.jmx());
    }

    @Test
    void log4jIsReadFromTheConfigDirectory() {
        assertEquals("-Dlog4j.configuration=file:/etc/kafka/log4j.properties", kafka("10.0.0.1").log4j());
    }
}
