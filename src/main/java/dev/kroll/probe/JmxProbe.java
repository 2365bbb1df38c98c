package dev.kroll.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/** Reads every broker's JMX metrics in parallel, over connections kept across refreshes. */
public final class JmxProbe implements AutoCloseable {

    private final List<JmxTarget> targets;
    private final Duration timeout;
    private final Map<String, JmxConnection> connections = new HashMap<>();
    private final Map<String, Reading<BrokerMetrics>> last = new HashMap<>();

    /** @param tunnels opens SSH forwards for tunnelled targets; may be null when all are direct */
    public JmxProbe(List<JmxTarget> targets, TunnelOpener tunnels, Duration timeout) {
        this.targets = List.copyOf(targets);
        this.timeout = timeout;
        for (JmxTarget t : targets) {
            connections.put(t.host().name(), new JmxConnection(t, tunnels, (int) timeout.toMillis()));
        }
    }

    /** @param brokerIds broker id per host name, where known */
    public List<JmxSnapshot> read(ExecutorService pool, Instant now, Function<String, Integer> brokerIds) {
        return read(pool, now, brokerIds, targets);
    }

    /** Only {@code host}'s broker (none when it has no JMX target). */
    public List<JmxSnapshot> readOne(ExecutorService pool, Instant now, Function<String, Integer> brokerIds, String host) {
        return read(pool, now, brokerIds, targets.stream().filter(t -> t.host().name().equals(host)).toList());
    }

    private List<JmxSnapshot> read(ExecutorService pool, Instant now, Function<String, Integer> brokerIds, List<JmxTarget> targets) {
        Map<String, Reading<BrokerMetrics>> previous;
        synchronized (last) {
            previous = new HashMap<>(last);
        }
        List<JmxSnapshot> out = Parallel.map(pool, targets, t -> readOne(t, previous.get(t.host().name()), now, brokerIds),
                timeout, (t, e) -> {
                    connections.get(t.host().name()).close();
                    return new JmxSnapshot(t.host().name(), brokerIds.apply(t.host().name()), t.route(),
                            Reading.failed(previous.get(t.host().name()), now, Why.failed(e, t.route(), timeout)));
                });
        synchronized (last) {
            out.forEach(j -> last.put(j.host(), j.metrics()));
        }
        return out;
    }

    private JmxSnapshot readOne(JmxTarget t, Reading<BrokerMetrics> previous, Instant now, Function<String, Integer> ids) {
        JmxConnection c = connections.get(t.host().name());
        Reading<BrokerMetrics> r;
        try {
            r = Reading.ok(BrokerMetricsReader.read(c.mbeans()), now);
        } catch (Exception e) {
            c.close();
            r = Reading.failed(previous, now, Why.failed(e, t.route(), timeout));
        }
        return new JmxSnapshot(t.host().name(), ids.apply(t.host().name()), t.route(), r);
    }

    @Override
    public void close() {
        connections.values().forEach(JmxConnection::close);
    }
}
