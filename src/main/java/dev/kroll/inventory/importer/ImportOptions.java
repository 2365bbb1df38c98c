package dev.kroll.inventory.importer;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Options shared by the importers; each uses what applies to it.
 *
 * @param cluster        cluster name for sources that carry none (null: derived from the source's name)
 * @param zookeeperGroup Ansible group whose hosts get the zookeeper role
 * @param kafkaGroup     Ansible group whose hosts get the kafka role
 * @param query          PuppetDB fact filter (PQL) selecting the Kafka nodes, e.g. {@code role='kafka'}
 * @param zookeeperQuery PuppetDB fact filter selecting the ZooKeeper nodes, or null to co-locate
 *                       ZooKeeper on the first three Kafka nodes
 * @param clientCert     PuppetDB client certificate (PEM), or null
 * @param clientKey      PuppetDB client key (PEM, unencrypted), or null
 * @param caCert         CA that signed PuppetDB's server certificate (PEM), or null for the JDK's
 * @param timeout        PuppetDB connect and request timeout
 * @param pageSize       PuppetDB rows per request
 */
public record ImportOptions(String cluster, String zookeeperGroup, String kafkaGroup, String query, String zookeeperQuery,
                            Path clientCert, Path clientKey, Path caCert, Duration timeout, int pageSize) {

    public static final String DEFAULT_QUERY = "role='kafka'";

    public static final ImportOptions DEFAULT = new ImportOptions(null, "zookeeper", "kafka_broker", DEFAULT_QUERY, null,
            null, null, null, Duration.ofSeconds(30), 100);

    public ImportOptions withCluster(String c) {
        return new ImportOptions(c, zookeeperGroup, kafkaGroup, query, zookeeperQuery, clientCert, clientKey, caCert, timeout, pageSize);
    }

    public ImportOptions withGroups(String zk, String kafka) {
        return new ImportOptions(cluster, zk, kafka, query, zookeeperQuery, clientCert, clientKey, caCert, timeout, pageSize);
    }

    public ImportOptions withQueries(String kafka, String zk) {
        return new ImportOptions(cluster, zookeeperGroup, kafkaGroup, kafka, zk, clientCert, clientKey, caCert, timeout, pageSize);
    }

    public ImportOptions withTls(Path cert, Path key, Path ca) {
        return new ImportOptions(cluster, zookeeperGroup, kafkaGroup, query, zookeeperQuery, cert, key, ca, timeout, pageSize);
    }

    public ImportOptions withPaging(int size, Duration t) {
        return new ImportOptions(cluster, zookeeperGroup, kafkaGroup, query, zookeeperQuery, clientCert, clientKey, caCert, t, size);
    }
}
