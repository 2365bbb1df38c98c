package dev.kroll.rollout.wire;

import dev.kroll.inventory.Inventory;
import dev.kroll.pki.CaPassphrase;
import dev.kroll.inventory.Role;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.probe.ClusterProbe.JmxAccess;
import dev.kroll.probe.ClusterProbe.Options;
import dev.kroll.probe.SshAccess;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshOptions;
import dev.kroll.remote.SshSessions;
import dev.kroll.rollout.port.Backend;
import dev.kroll.rollout.port.BackendProvider;
import dev.kroll.rollout.port.BrokerAdmin;
import dev.kroll.rollout.port.CertAuthority;
import dev.kroll.rollout.port.HostKeyQuestion;
import dev.kroll.rollout.port.Prompts;
import dev.kroll.rollout.port.SecretQuestion;
import dev.kroll.rollout.verify.SslCanary;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Collectors;

/**
 * The real backend: SSH ({@code dev.kroll.remote}) for files, services, install and preflight;
 * {@code dev.kroll.probe} plus kroll's own AdminClient for the gates; {@code dev.kroll.plan} for IDs
 * and files. JMX is read through an SSH forward per broker over the backend's own connections, to
 * the host's JMX loopback address (the default, {@code -Dkroll.jmx=tunnel}), directly on the host's
 * address ({@code -Dkroll.jmx=direct}) or not at all ({@code -Dkroll.jmx=none}: the gates then rely
 * on registration and the ISR).
 */
public final class SshBackendProvider implements BackendProvider {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    public static final String CA_PASSWORD_FILE = "kroll.ca.password.file";
    private static final Logger LOG = LoggerFactory.getLogger(SshBackendProvider.class);

    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public OpenBackend open(Inventory inv) {
        return open(inv, Prompts.COMMAND_LINE);
    }

    @Override
    public OpenBackend open(Inventory inv, Prompts prompts) {
        SshSessions sessions = new SshSessions(SshOptions.defaults(inv.stateDir(), policy(prompts.hostKeys())));
        PlannedConfigs plan = PlannedConfigs.load(inv);
        CertAuthority certs = new PkiCerts(inv, creating -> caPassphrase(creating, prompts.secrets()));
        KafkaAdmin plaintext = new KafkaAdmin(Map.of("bootstrap.servers", bootstrap(inv, false)), TIMEOUT);
        Supplier<Optional<KafkaAdmin>> ssl = sslAdmin(inv, certs, TIMEOUT);
        // altering configs waits for the broker to validate and load the new keystore: a longer timeout
        Supplier<Optional<KafkaAdmin>> sslSlow = sslAdmin(inv, certs, ADMIN_TIMEOUT);
        KafkaAdmin plaintextSlow = new KafkaAdmin(Map.of("bootstrap.servers", bootstrap(inv, false)), ADMIN_TIMEOUT);
        // a keystore reload concerns the SSL listener: over SSL once kroll has its client certificate
        BrokerAdmin admin = (id, listener, location) -> sslSlow.get().orElse(plaintextSlow).reloadKeystore(id, listener, location);
        JmxAccess jmx = jmxAccess(System.getProperty("kroll.jmx", "tunnel"));
        // the gates need ZooKeeper, registrations and JMX only: no certificate handshakes and no service
        // commands on every poll (the roll checks its own broker's process itself). JMX goes through one
        // SSH forward per broker over the same connections as everything else.
        Options d = Options.defaults();
        Options options = new Options(TIMEOUT, jmx, jmx == JmxAccess.DIRECT, Map.of(), false, d.historySize(), d.servicesEvery());
        ClusterProbe probe = new ClusterProbe(inv, options, null, new SshAccess(sessions), Clock.systemUTC());
        Map<String, Integer> myids = new LinkedHashMap<>();
        inv.hosts(Role.ZOOKEEPER).forEach(h -> myids.put(h.name(), plan.zookeeperId(h)));
        ProbedCluster cluster = new ProbedCluster(probe, myids, plaintext, ssl);
        Backend backend = new Backend(new SshHostOps(inv, sessions, Duration.ofMinutes(5)), cluster, plan,
                new SshInstaller(inv, sessions), new FactsPreflight(inv, sessions, plan), certs, admin,
                new JsseVerifier(inv, certs, Duration.ofSeconds(30)), new SshFirewall(inv, sessions));
        return new OpenBackend(backend, () -> {
            cluster.close();
            plaintextSlow.close();
            sslSlow.get().ifPresent(KafkaAdmin::close);
            sessions.close();
        });
    }

    /** {@code -Dkroll.jmx}: tunnel (default), direct or none. */
    static JmxAccess jmxAccess(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT)) {
            case "none" -> JmxAccess.NONE;
            case "direct" -> JmxAccess.DIRECT;
            default -> JmxAccess.TUNNEL;
        };
    }

    private static char[] ask(SecretQuestion secrets, String prompt) {
        try {
            return secrets.ask(prompt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null; // nobody answered: no passphrase
        }
    }

    /** The SSH layer's policy for new host keys, answered by the front end's question. */
    static NewHostKeyPolicy policy(HostKeyQuestion question) {
        if (question == HostKeyQuestion.REFUSE) {
            return NewHostKeyPolicy.REFUSE;
        }
        return key -> {
            try {
                return question.trust(key.host(), key.address(), key.port(), key.keyType(), key.fingerprint());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false; // nobody answered: not trusted
            }
        };
    }

    /**
     * The CA passphrase: the file named by {@code -Dkroll.ca.password.file} (what {@code --ca-password-file}
     * sets), else {@code KROLL_CA_PASSWORD}, else the front end's question ({@code secrets}), else a prompt
     * on the terminal.
     */
    static char[] caPassphrase(boolean creating, SecretQuestion secrets) {
        String file = System.getProperty(CA_PASSWORD_FILE);
        Console console = System.console();
        CaPassphrase.Prompt prompt = secrets != null ? p -> ask(secrets, p) : console == null ? null : p -> console.readPassword("%s", p);
        return CaPassphrase.resolve(file == null ? null : Path.of(file), System.getenv(), prompt, creating,
                w -> LOG.warn("{}", w));
    }

    static String bootstrap(Inventory inv, boolean ssl) {
        return inv.hosts(Role.KAFKA).stream().map(h -> h.address() + ":" + (ssl ? h.ports().kafkaSsl() : h.ports().kafkaPlaintext()))
                .collect(Collectors.joining(","));
    }

    /** An SSL admin client once kroll's client bundle exists; asked again until it does. */
    private static Supplier<Optional<KafkaAdmin>> sslAdmin(Inventory inv, CertAuthority certs, Duration timeout) {
        return new Supplier<>() {
            private KafkaAdmin admin;

            @Override
            public synchronized Optional<KafkaAdmin> get() {
                if (admin == null) {
                    try {
                        Map<String, String> c = new HashMap<>();
                        SslCanary.sslClient(bootstrap(inv, true), certs.adminClient()).forEach((k, v) -> c.put(k, String.valueOf(v)));
                        admin = new KafkaAdmin(c, timeout);
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                }
                return Optional.of(admin);
            }
        };
    }
}
