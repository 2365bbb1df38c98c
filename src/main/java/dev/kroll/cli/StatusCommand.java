package dev.kroll.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.kroll.inventory.Inventory;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.HealthVerdict;
import dev.kroll.probe.SshAccess;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshOptions;
import dev.kroll.remote.SshSessions;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Read the live cluster (ZooKeeper quorum, brokers and partitions, JMX, services, certificates)",
            "and print a one-screen summary with the verdict: healthy, degraded or critical, and why.",
            "Exit 0 when healthy, 3 otherwise."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--json", description = "Print the snapshot and verdict as JSON.")
    boolean json;

    @Option(names = "--watch", paramLabel = "SECONDS", description = "Refresh every SECONDS until interrupted.")
    Integer watch;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "2",
            description = "Per-source timeout of one refresh (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--jmx", paramLabel = "MODE", defaultValue = "TUNNEL",
            description = "How to reach broker JMX: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ClusterProbe.JmxAccess jmx;

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "AdminClient properties (e.g. security.protocol=SSL and a trust store), as for Kafka's tools.")
    Path commandConfig;

    /** Set by the embedding program (and tests) to bound --watch; null: until interrupted. */
    static Integer maxRefreshes;

    @Override
    public Integer call() throws Exception {
        if (watch != null && watch < 1) {
            throw KrollException.badInput("--watch takes a number of seconds of at least 1");
        }
        if (timeoutSeconds <= 0 || timeoutSeconds > 120) {
            throw KrollException.badInput("--timeout takes seconds between 0 and 120");
        }
        Inventory inv = inventory.load();
        ClusterProbe.Options o = ClusterProbe.Options.defaults()
                .withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000)))
                .withJmx(jmx, false)
                .withKafkaClientProperties(clientProperties());
        PrintWriter out = spec.commandLine().getOut();
        // one SSH connection per host, opened on first use, for service states and the JMX forwards;
        // host keys must already be known (kroll facts / kroll run record them): status never trusts a new one
        Duration connect = Duration.ofMillis(Math.max(2000, Math.round(timeoutSeconds * 1000)));
        try (SshSessions sessions = new SshSessions(SshOptions.defaults(inv.stateDir(), NewHostKeyPolicy.REFUSE).withConnectTimeout(connect));
             ClusterProbe probe = new ClusterProbe(inv, o, new SshAccess(sessions), new SshAccess(sessions), Clock.systemUTC())) {
            int refreshes = 0;
            while (true) {
                Instant start = Instant.now();
                ClusterSnapshot s = probe.refresh();
                HealthVerdict v = probe.verdict(s);
                Duration took = Duration.between(start, Instant.now());
                if (json) {
                    out.println(json(s, v));
                } else {
                    if (watch != null) {
                        out.print("\033[H\033[2J");
                    }
                    out.print(StatusText.render(s, v, probe.history(), took));
                    if (!probe.readsJmx()) {
                        out.println("(JMX not read: --jmx none)");
                    }
                }
                out.flush();
                refreshes++;
                if (watch == null || (maxRefreshes != null && refreshes >= maxRefreshes)) {
                    return v.healthy() ? ExitCode.OK : ExitCode.GATE_REFUSED;
                }
                Thread.sleep(watch * 1000L);
            }
        }
    }

    private Map<String, String> clientProperties() {
        if (commandConfig == null) {
            return Map.of();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(commandConfig)) {
            p.load(in);
        } catch (IOException e) {
            throw KrollException.badInput(commandConfig + ": cannot read (" + e.getMessage() + "); give a Kafka client properties file");
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    static String json(ClusterSnapshot s, HealthVerdict v) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance)
                        .addSerializer(Duration.class, ToStringSerializer.instance));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("verdict", v.level().word());
        doc.put("reasons", v.reasons());
        doc.put("notes", v.notes());
        doc.put("snapshot", s);
        return mapper.writeValueAsString(doc);
    }
}
