package dev.kroll.inventory.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.HostNames;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.util.ByteSize;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports the nodes PuppetDB knows: every active node matching the fact filter ({@code --query},
 * default {@code role='kafka'}) becomes a Kafka host named by its FQDN fact (else its certname), with
 * its IP fact as address and its memory fact for heap planning.
 *
 * <p>ZooKeeper: with {@code --zookeeper-query}, the nodes matching that filter run ZooKeeper (they may
 * be Kafka nodes too). Without it, ZooKeeper is co-located on the first three Kafka nodes in certname
 * order, the layout of the original setup, and a note names them.
 */
public final class PuppetDbImporter implements InventoryImporter {

    static final int COLOCATED_ZOOKEEPERS = 3;

    @Override
    public Inventory read(String source, ImportOptions options, List<Problem> problems) {
        URI endpoint = PuppetDbClient.endpoint(source);
        String display = source.strip().replaceAll("/+$", "");
        PuppetDbClient client = new PuppetDbClient(endpoint, display,
                PuppetDbTls.context(options.clientCert(), options.clientKey(), options.caCert()), options.timeout());
        String kafkaQuery = options.query() == null ? ImportOptions.DEFAULT_QUERY : options.query();
        Map<String, JsonNode> kafka = nodes(client, kafkaQuery, "--query", display, options.pageSize());
        Map<String, JsonNode> zookeeper = new TreeMap<>();
        if (options.zookeeperQuery() != null) {
            zookeeper.putAll(nodes(client, options.zookeeperQuery(), "--zookeeper-query", display, options.pageSize()));
        } else {
            kafka.keySet().stream().limit(COLOCATED_ZOOKEEPERS).forEach(c -> zookeeper.put(c, kafka.get(c)));
            problems.add(Problem.note(new SourcePos(display, 0, 0), "ZooKeeper co-located on the first " + zookeeper.size()
                    + " Kafka node" + (zookeeper.size() == 1 ? "" : "s") + ": " + String.join(", ", zookeeper.keySet()),
                    "pass --zookeeper-query \"FACT='VALUE'\" to choose ZooKeeper nodes by fact"));
        }
        Map<String, JsonNode> all = new TreeMap<>(zookeeper);
        all.putAll(kafka);
        List<Host> hosts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : all.entrySet()) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (kafka.containsKey(e.getKey())) {
                roles.add(Role.KAFKA);
            }
            if (zookeeper.containsKey(e.getKey())) {
                roles.add(Role.ZOOKEEPER);
            }
            hosts.add(host(e.getKey(), e.getValue().path("facts"), roles, display, problems));
        }
        return ImportValues.inventory(ImportValues.clusterName(options, (String) null), new SourcePos(display, 0, 0), hosts);
    }

    /** The nodes matching a filter, by certname; an empty answer is an error. */
    private static Map<String, JsonNode> nodes(PuppetDbClient client, String filter, String option, String display, int pageSize) {
        String inventoryFilter;
        try {
            inventoryFilter = PqlFilter.toInventoryFilter(filter);
        } catch (IllegalArgumentException e) {
            throw KrollException.badInput(option + " \"" + filter + "\": " + e.getMessage() + " — write a fact filter such as role='kafka'");
        }
        Map<String, JsonNode> nodes = new TreeMap<>();
        for (JsonNode row : client.queryAll("inventory[certname, facts]", inventoryFilter, "certname", pageSize, "nodes")) {
            nodes.put(row.get("certname").asText(), row);
        }
        if (nodes.isEmpty()) {
            throw KrollException.badInput("PuppetDB at " + display + ": no active node matches " + option + " \"" + filter
                    + "\" — check the fact name and value (e.g. puppet facts show role on a broker), then pass " + option);
        }
        return nodes;
    }

    private static Host host(String certname, JsonNode facts, Set<Role> roles, String display, List<Problem> problems) {
        SourcePos at = new SourcePos(display + " node " + certname, 0, 0);
        String fqdn = text(facts, "networking", "fqdn");
        if (fqdn == null) {
            fqdn = text(facts, "fqdn");
        }
        String name = fqdn != null && HostNames.isHostname(fqdn) ? fqdn : certname;
        HostBuilder b = new HostBuilder(name, at).roles(roles, at);
        if (!name.equals(certname) && HostNames.isHostname(certname)) {
            b.aliases.add(certname);
        }
        String ip = text(facts, "networking", "ip");
        if (ip == null) {
            ip = text(facts, "ipaddress");
        }
        if (ip != null) {
            b.address(ip, at);
        } else {
            problems.add(Problem.warning(at, "no IP fact (networking.ip or ipaddress); kroll will reach it by name",
                    "add 'address:' to this host in the written inventory"));
        }
        ByteSize memory = memory(facts);
        if (memory != null) {
            b.memory(memory, at);
        }
        return b.build();
    }

    /** memory.system.total_bytes (Facter 3+), else the legacy memorysize_mb. */
    static ByteSize memory(JsonNode facts) {
        JsonNode bytes = facts.path("memory").path("system").path("total_bytes");
        if (bytes.canConvertToLong() && bytes.asLong() > 0) {
            return new ByteSize(bytes.asLong());
        }
        String mb = text(facts, "memorysize_mb");
        if (mb != null) {
            try {
                return ByteSize.ofMiB(Math.round(Double.parseDouble(mb)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n.path(p);
        }
        return n.isValueNode() && !n.isNull() && !n.asText().isBlank() ? n.asText() : null;
    }
}
