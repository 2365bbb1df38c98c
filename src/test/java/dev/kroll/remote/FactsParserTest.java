package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactsParserTest {

    static final String OUTPUT = """
            @@hostname
            kafka1
            @@fqdn
            kafka1.example.com
            @@addresses
            10.0.0.11 172.17.0.1 fe80::1
            @@meminfo
            MemTotal:       16314548 kB
            MemFree:          812340 kB
            MemAvailable:   10231220 kB
            Buffers:          302912 kB
            SwapCached:            0 kB
            HugePages_Total:       0
            Hugepagesize:       2048 kB
            SwapTotal:       2097148 kB
            SwapFree:        1048572 kB
            @@cpus
            8
            @@swappiness
            1
            @@df /srv/kafka-logs
            /dev/nvme1n1     984373400 51233280 883090248       6% /srv
            @@meta /srv/kafka-logs
            #
            #Tue Mar 04 10:11:12 UTC 2025
            cluster.id=Xb3pQmRkT1uvVz9yA0bC2d
            version=0
            broker.id=3
            @@df /srv/kafka-logs2
            /dev/nvme2n1     984373400 51233280 100 6% /srv/kafka-logs2
            @@meta /srv/kafka-logs2
            @@myid
            2
            @@ulimit
            100000
            @@java
            openjdk version "17.0.15" 2025-04-15
            @@time
            1700000001500
            @@end
            """;

    @Test
    void readsEveryFactFromLinuxOutput() {
        HostFacts f = FactsParser.parse("kafka1", OUTPUT, 1_700_000_000_000L, 1_700_000_001_000L);
        assertEquals("kafka1", f.hostname());
        assertEquals("kafka1.example.com", f.fqdn());
        assertEquals(List.of("10.0.0.11", "172.17.0.1", "fe80::1"), f.addresses());
        assertEquals(16314548L * 1024, f.memoryBytes());
        assertEquals(8, f.cpus());
        assertEquals(2097148L * 1024, f.swapTotalBytes());
        assertEquals((2097148L - 1048572L) * 1024, f.swapUsedBytes());
        assertEquals(1, f.swappiness());
        assertEquals(List.of(new HostFacts.DiskSpace("/srv/kafka-logs", "/srv", 883090248L * 1024, 984373400L * 1024),
                new HostFacts.DiskSpace("/srv/kafka-logs2", "/srv/kafka-logs2", 100L * 1024, 984373400L * 1024)), f.disks());
        assertEquals(Map.of("/srv/kafka-logs", 3), f.brokerIds());
        assertEquals(2, f.zookeeperMyid());
        assertEquals(100000L, f.maxOpenFiles());
        assertEquals("17.0.15", f.javaVersion());
        assertEquals(17, f.javaMajor());
        assertEquals(1000L, f.clockOffsetMillis(), "host clock minus the midpoint of the exec");
    }

    @Test
    void aFreshHostHasNoIdsNoJavaAndUnknownLimits() {
        String out = "@@hostname\nfresh\n@@fqdn\n@@meminfo\nMemTotal: 2000 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n@@myid\n@@ulimit\n"
                + "@@java\n@@time\n@@end\n";
        HostFacts f = FactsParser.parse("fresh", out, 0, 0);
        assertEquals("fresh", f.hostname());
        assertNull(f.fqdn());
        assertEquals(Map.of(), f.brokerIds());
        assertNull(f.zookeeperMyid());
        assertNull(f.javaVersion());
        assertNull(f.javaMajor());
        assertNull(f.maxOpenFiles());
        assertNull(f.clockOffsetMillis());
        assertEquals(0L, f.swapUsedBytes());
    }

    @Test
    void kraftLogDirsCountByNodeId() {
        assertEquals(7, FactsParser.brokerId(List.of("version=1", "node.id=7", "directory.id=abc")));
    }

    @Test
    void oldJavaVersionStringsGiveTheirMajor() {
        HostFacts f = FactsParser.parse("h", "@@java\njava version \"1.8.0_392\"\n", 0, 0);
        assertEquals("1.8.0_392", f.javaVersion());
        assertEquals(8, f.javaMajor());
    }

    @Test
    void ipOutputIsAcceptedWhenHostnameHasNoDashI() {
        assertEquals(List.of("10.1.2.3", "fd00::5"),
                FactsParser.addresses(List.of("127.0.0.1/8", "::1/128", "10.1.2.3/24", "fd00::5/64")));
    }

    @Test
    void unlimitedOpenFilesIsMinusOne() {
        assertEquals(-1L, FactsParser.openFiles("unlimited"));
    }
}
