package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.SshAccess;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshOptions;
import dev.kroll.remote.SshSessions;
import dev.kroll.rollout.wire.PkiCerts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The dashboard's probe across the wizard's SSL migration: it reads the brokers over PLAINTEXT, and over SSL
 * with kroll's own admin client certificate ({@code .kroll/pki/clients/kroll-admin/client-ssl.properties})
 * once that exists; whichever answered last is asked first, the other when it does not answer (PLAINTEXT
 * closes in the migration's last roll, SSL opens in its first). Service states and JMX go over one SSH
 * connection per host, as for {@code kroll status}; the dashboard never trusts a new host key (the wizard's
 * steps ask about those).
 */
final class DashboardProbe implements Callable<ClusterSnapshot>, AutoCloseable {

    private final Inventory inventory;
    private final ClusterProbe.Options options;
    private final ClusterProbe plaintext;
    private final Path sslProperties;
    private final SshSessions sessions;
    private final SshAccess ssh;
    private ClusterProbe ssl;
    private boolean preferSsl;

    DashboardProbe(Inventory inventory, ClusterProbe.Options options) {
        this.inventory = inventory;
        this.options = options;
        this.sessions = new SshSessions(SshOptions.defaults(inventory.stateDir(), NewHostKeyPolicy.REFUSE));
        this.ssh = new SshAccess(sessions);
        this.plaintext = new ClusterProbe(inventory, options, ssh, ssh, Clock.systemUTC());
        this.sslProperties = inventory.stateDir().resolve("pki").resolve("clients").resolve(PkiCerts.ADMIN).resolve("client-ssl.properties");
    }

    boolean readsJmx() {
        return plaintext.readsJmx();
    }

    /** Runs on the feed's thread only. */
    @Override
    public synchronized ClusterSnapshot call() {
        ClusterProbe first = preferSsl && ssl() != null ? ssl : plaintext;
        ClusterSnapshot s = first.refresh();
        if (s.kafka().cluster().isOk()) {
            return s;
        }
        ClusterProbe other = first == plaintext ? ssl() : plaintext;
        if (other == null) {
            return s;
        }
        ClusterSnapshot t = other.refresh();
        if (t.kafka().cluster().isOk()) {
            preferSsl = other == ssl;
            return t;
        }
        return s;
    }

    private ClusterProbe ssl() {
        if (ssl == null && Files.isRegularFile(sslProperties)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(sslProperties)) {
                p.load(in);
            } catch (IOException e) {
                return null; // asked again on the next refresh
            }
            Map<String, String> m = new HashMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            ssl = new ClusterProbe(inventory, options.withKafkaClientProperties(m), ssh, ssh, Clock.systemUTC());
        }
        return ssl;
    }

    @Override
    public synchronized void close() {
        plaintext.close();
        if (ssl != null) {
            ssl.close();
        }
        sessions.close();
    }
}
