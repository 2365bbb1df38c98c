package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import org.junit.jupiter.api.Test;

class SshConnectorTest {

    @Test
    void onlyTheNamedAlgorithmsAreOfferedInTheGivenOrder() {
        List<String> names = SshConnector.preferred(new DefaultConfig().getCipherFactories(),
                List.of("aes128-gcm@openssh.com", "no-such-cipher", "aes256-ctr")).stream().map(Factory.Named::getName).toList();
        assertEquals(List.of("aes128-gcm@openssh.com", "aes256-ctr"), names);
    }
}
