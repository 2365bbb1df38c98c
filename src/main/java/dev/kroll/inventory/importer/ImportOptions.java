package dev.kroll.inventory.importer;

import java.nio.file.Path;

/**
 * Options shared by the importers; each uses what applies to it.
 *
 * @param cluster        cluster name for sources that carry none
 * @param zookeeperGroup Ansible group whose hosts get the zookeeper role
 * @param kafkaGroup     Ansible group whose hosts get the kafka role
 * @param query          PuppetDB PQL fact filter, e.g. {@code role='kafka'}
 * @param clientCert     PuppetDB client certificate (PEM), or null
 * @param clientKey      PuppetDB client key (PEM), or null
 * @param caCert         CA that signed PuppetDB's server certificate (PEM), or null for the JDK's
 */
public record ImportOptions(String cluster, String zookeeperGroup, String kafkaGroup, String query,
                            Path clientCert, Path clientKey, Path caCert) {

    public static final ImportOptions DEFAULT = new ImportOptions(null, "zookeeper", "kafka_broker", "role='kafka'", null, null, null);
}
