package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.InventoryWriter;
import dev.kroll.inventory.importer.ImportFormat;
import dev.kroll.inventory.importer.ImportOptions;
import dev.kroll.inventory.importer.Importers;
import dev.kroll.util.ExitCode;
import dev.kroll.util.Files2;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Read hosts from another source and write a kroll inventory.")
final class InventoryImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FORMAT",
            description = "Source format: yaml (kroll's own), csv, hosts (one per line), ansible (INI or YAML), puppetdb.")
    ImportFormat from;

    @Parameters(paramLabel = "SOURCE", description = "File to read, or the PuppetDB URL for --from puppetdb.")
    String source;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the inventory here (default: print it).")
    Path output;

    @Option(names = "--force", description = "Overwrite an existing output file.")
    boolean force;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Cluster name, for sources that carry none.")
    String cluster;

    @Option(names = "--zookeeper-group", paramLabel = "GROUP", defaultValue = "zookeeper",
            description = "Ansible group of ZooKeeper hosts (default: ${DEFAULT-VALUE}).")
    String zookeeperGroup;

    @Option(names = "--kafka-group", paramLabel = "GROUP", defaultValue = "kafka_broker",
            description = "Ansible group of Kafka brokers (default: ${DEFAULT-VALUE}).")
    String kafkaGroup;

    @Option(names = "--query", paramLabel = "PQL", defaultValue = ImportOptions.DEFAULT_QUERY,
            description = "PuppetDB fact filter selecting the Kafka nodes (default: ${DEFAULT-VALUE}).")
    String query;

    @Option(names = "--zookeeper-query", paramLabel = "PQL",
            description = "PuppetDB fact filter selecting the ZooKeeper nodes (default: ZooKeeper on the first three Kafka nodes).")
    String zookeeperQuery;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "PuppetDB connect and answer timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "100",
            description = "PuppetDB nodes per request (default: ${DEFAULT-VALUE}).")
    int pageSize;

    @Option(names = "--cert", paramLabel = "PEM", description = "PuppetDB client certificate.")
    Path clientCert;

    @Option(names = "--key", paramLabel = "PEM", description = "PuppetDB client private key (PEM, unencrypted).")
    Path clientKey;

    @Option(names = "--cacert", paramLabel = "PEM", description = "CA certificate that signed PuppetDB's certificate.")
    Path caCert;

    @Override
    public Integer call() throws IOException {
        if (output != null && Files.exists(output) && !force) {
            throw KrollException.badInput(output + " already exists — choose another file, or add --force to replace it");
        }
        if (timeoutSeconds < 1 || pageSize < 1) {
            throw KrollException.badInput((timeoutSeconds < 1 ? "--timeout" : "--page-size") + " must be at least 1");
        }
        List<Problem> warnings = new ArrayList<>();
        ImportOptions options = new ImportOptions(cluster, zookeeperGroup, kafkaGroup, query, zookeeperQuery, clientCert, clientKey,
                caCert, Duration.ofSeconds(timeoutSeconds), pageSize);
        Inventory inv = Importers.importAndValidate(from, source, options, warnings);
        PrintWriter err = spec.commandLine().getErr();
        warnings.forEach(w -> err.println(w.format()));
        String yaml = InventoryWriter.toYaml(inv);
        if (output == null) {
            spec.commandLine().getOut().print(yaml);
        } else {
            Files2.writeAtomically(output, yaml);
            err.println("wrote " + output + ": " + inv.hosts().size() + " hosts; next: kroll inventory check -i " + output);
        }
        return ExitCode.OK;
    }
}
