package dev.kroll.rollout.wire;

import dev.kroll.probe.BrokerRegistration;
import dev.kroll.probe.ClusterSnapshot;
import dev.kroll.probe.Registrations;
import dev.kroll.rollout.gate.ClusterView;
import dev.kroll.rollout.gate.PartitionState;
import dev.kroll.rollout.port.ClusterProbe;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gates' view of the live cluster: one refresh of {@code dev.kroll.probe} (ZooKeeper,
 * registrations, JMX) plus every partition read by kroll's own {@link KafkaAdmin}. The admin client
 * talks to the listener every registered broker has: PLAINTEXT until some broker has closed it (the
 * last roll of the migration), SSL from then on — a client on a listener a broker lacks would see
 * that broker's partitions as leaderless.
 */
public final class ProbedCluster implements ClusterProbe, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbedCluster.class);

    private final dev.kroll.probe.ClusterProbe probe;
    private final Map<String, Integer> myids;
    private final KafkaAdmin plaintext;
    private final Supplier<Optional<KafkaAdmin>> ssl;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kroll-partition-read");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean sslLast;

    /** @param ssl the SSL admin client once a client certificate exists (empty before) */
    public ProbedCluster(dev.kroll.probe.ClusterProbe probe, Map<String, Integer> myids, KafkaAdmin plaintext,
                         Supplier<Optional<KafkaAdmin>> ssl) {
        this.probe = probe;
        this.myids = Map.copyOf(myids);
        this.plaintext = plaintext;
        this.ssl = ssl;
    }

    @Override
    public ClusterView snapshot() {
        return view(probe::refresh);
    }

    @Override
    public ClusterView snapshotOf(String host) {
        return view(() -> probe.refreshBroker(host));
    }

    private ClusterView view(Supplier<ClusterSnapshot> refresh) {
        long t0 = System.nanoTime();
        // the partition read does not wait for the probe: it starts on the listener the last snapshot chose, and
        // is read again only when this snapshot chooses the other one (once, when PLAINTEXT closes)
        boolean guess = sslLast;
        Future<List<PartitionState>> early = reader.submit(() -> admin(guess).partitions());
        ClusterSnapshot s = refresh.get();
        long t1 = System.nanoTime();
        boolean ssl = useSsl(s);
        sslLast = ssl;
        try {
            List<PartitionState> partitions;
            if (ssl == guess) {
                partitions = await(early);
            } else {
                early.cancel(true);
                partitions = admin(ssl).partitions();
            }
            return SnapshotView.of(s, myids, partitions);
        } catch (IOException e) {
            return SnapshotView.withoutPartitions(s, myids, e.getMessage());
        } finally {
            LOG.debug("snapshot: probe {} ms, partitions {} ms more", (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        }
    }

    @Override
    public Optional<Boolean> registered(int id) {
        return probe.registered(id);
    }

    private KafkaAdmin admin(boolean useSsl) {
        return useSsl ? ssl.get().orElse(plaintext) : plaintext;
    }

    private static List<PartitionState> await(Future<List<PartitionState>> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot list partitions: " + c, c);
        }
    }

    /** SSL once any registered broker no longer offers PLAINTEXT. */
    static boolean useSsl(ClusterSnapshot s) {
        Optional<Registrations> r = s.kafka().registrations().current();
        return r.isPresent() && r.get().brokers().stream().map(BrokerRegistration::endpoints)
                .anyMatch(eps -> eps.stream().noneMatch(e -> e.startsWith("PLAINTEXT://")));
    }

    @Override
    public void close() {
        reader.shutdownNow();
        probe.close();
        plaintext.close();
        ssl.get().ifPresent(KafkaAdmin::close);
    }
}
