import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.network.ListenerName;
import org.apache.zookeeper.server.quorum.QuorumPeerConfig;

/**
 * Loads every server.properties and zoo.cfg that 'kroll render' wrote into DIR with the real broker's
 * KafkaConfig and ZooKeeper's QuorumPeerConfig, as the services would at start-up. The inventory's
 * secrets_dir must exist here with an ssl.secrets file, so that the FileConfigProvider resolves.
 * Usage: CheckRendered DIR
 */
public final class CheckRendered {
    public static void main(String[] args) throws Exception {
        int failures = 0;
        try (DirectoryStream<Path> hosts = Files.newDirectoryStream(Path.of(args[0]))) {
            for (Path host : hosts) {
                Path server = host.resolve("server.properties");
                if (Files.exists(server)) {
                    try {
                        KafkaConfig c = KafkaConfig.fromProps(load(server), false);
                        String ssl = "-";
                        if (c.listeners().exists(e -> e.listenerName().value().equals("SSL"))) {
                            Map<String, Object> v = c.valuesWithPrefixOverride(ListenerName.normalised("SSL").configPrefix());
                            Password key = (Password) v.get("ssl.key.password");
                            ssl = "ssl.key.password " + (key != null && !key.value().contains("${") ? "resolved" : "NOT resolved")
                                    + ", client.auth " + v.get("ssl.client.auth");
                        }
                        System.out.println("ok   " + server + ": broker.id " + c.brokerId() + ", inter-broker "
                                + c.interBrokerListenerName().value() + ", " + ssl);
                    } catch (Exception e) {
                        failures++;
                        System.out.println("FAIL " + server + ": " + e);
                    }
                }
                Path zoo = host.resolve("zoo.cfg");
                if (Files.exists(zoo)) {
                    try {
                        Path dataDir = Path.of(load(zoo).getProperty("dataDir"));
                        Files.createDirectories(dataDir);
                        Files.copy(host.resolve("myid"), dataDir.resolve("myid"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        QuorumPeerConfig q = new QuorumPeerConfig();
                        q.parse(zoo.toString());
                        System.out.println("ok   " + zoo + ": myid " + q.getServerId() + ", client " + q.getClientPortAddress()
                                + ", voters " + q.getQuorumVerifier().getVotingMembers().keySet());
                    } catch (Exception e) {
                        failures++;
                        System.out.println("FAIL " + zoo + ": " + e);
                    }
                }
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static Properties load(Path p) throws Exception {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
            props.load(in);
        }
        return props;
    }
}
