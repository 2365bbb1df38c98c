package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcNetTcpTest {

    // Lines as the kernel prints them (x86_64): header, then sl local rem st ...
    private static final List<String> TCP = List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
            "   1: 0B00007F:0885 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2 1",
            "   2: 0100007F:A1B2 0100007F:0885 01 00000000:00000000 00:00000000 00000000     0        0 3 1",
            "  sl  local_address                         remote_address                        st tx_queue rx_queue",
            "   0: 00000000000000000000000000000000:2384 00000000000000000000000000000000:0000 0A 00000000:00000000 0",
            "   1: 00000000000000000000000001000000:270F 00000000000000000000000000000000:0000 0A 00000000:00000000 0",
            "   2: 0000000000000000FFFF00000B00007F:2382 00000000000000000000000000000000:0000 0A 00000000:00000000 0",
            "   3: 000080FE00000000FF120A02563402FE:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 0");

    @Test
    void listeningSocketsAreReadWithTheirAddressesAndEstablishedOnesIgnored() {
        assertEquals(List.of("0.0.0.0:22", "127.0.0.11:2181", ":::9092", "::1:9999", "127.0.0.11:9090", "fe80::20a:12ff:fe02:3456:80"),
                ProcNetTcp.listening(TCP));
    }

    @Test
    void aWildcardListenerBlocksEveryAddressAndASpecificOneOnlyItsOwn() {
        HostFacts f = new HostFacts("h", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                ProcNetTcp.listening(TCP), null, null);
        assertEquals("0.0.0.0:22", f.listenerBlocking("10.0.0.1", 22).orElseThrow());
        assertEquals("127.0.0.11:2181", f.listenerBlocking("127.0.0.11", 2181).orElseThrow());
        assertEquals(true, f.listenerBlocking("127.0.0.12", 2181).isEmpty());
        assertEquals(":::9092", f.listenerBlocking("10.0.0.1", 9092).orElseThrow());
    }
}
