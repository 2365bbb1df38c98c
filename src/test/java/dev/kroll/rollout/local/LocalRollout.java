package dev.kroll.rollout.local;

import dev.kroll.inventory.Role;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.gate.BrokerGates;
import dev.kroll.rollout.port.Backend;
import dev.kroll.rollout.engine.EngineSettings;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.RunEvent;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.journal.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** A {@link Rollout} on a {@link LocalCluster} with fast polling, recording every event. */
public final class LocalRollout {

    public static final EngineSettings FAST = new EngineSettings(Duration.ofMillis(20), Duration.ofSeconds(20),
            Duration.ofSeconds(3), 16, Duration.ofSeconds(1));

    public final LocalCluster cluster;
    public final Rollout rollout;
    public final List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());

    public LocalRollout(LocalCluster cluster, EngineSettings settings) {
        this(cluster, new Rollout(cluster.inventory(), cluster.backend(), settings, Clock.systemUTC()));
    }

    public LocalRollout(LocalCluster cluster, Rollout rollout) {
        this.cluster = cluster;
        this.rollout = rollout;
    }

    public LocalRollout(LocalCluster cluster) {
        this(cluster, FAST);
    }

    /** Writes a playbook into the inventory's playbooks/ directory. */
    public void playbook(String name, String yaml) throws IOException {
        Path dir = cluster.root.resolve("playbooks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".yaml"), yaml);
    }

    public RunResult run(String playbook, Map<String, String> params) throws InterruptedException {
        Playbook pb = rollout.load(playbook);
        return rollout.run(pb, rollout.params(pb, params), events::add);
    }

    public RunResult run(String playbook) throws InterruptedException {
        return run(playbook, Map.of());
    }

    /** Runs a playbook and cancels it, as an interrupt of the caller would, at the first event {@code when} matches. */
    public RunResult runCancelledAt(String playbook, Predicate<RunEvent> when) throws InterruptedException {
        AtomicReference<RunResult> result = new AtomicReference<>();
        AtomicReference<Thread> runner = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Playbook pb = rollout.load(playbook);
                result.set(rollout.run(pb, rollout.params(pb, Map.of()), e -> {
                    events.add(e);
                    if (when.test(e)) {
                        runner.get().interrupt();
                    }
                }));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        runner.set(t);
        t.start();
        t.join();
        return result.get();
    }

    public RunResult resume() throws InterruptedException {
        RunRecord r = rollout.resumable(Optional.empty());
        return rollout.resume(r, events::add);
    }

    /** Brings the cluster up on PLAINTEXT through kroll's own steps. */
    public void startPlaintext() throws IOException, InterruptedException {
        playbook("setup", """
                steps:
                  - preflight:
                  - render:
                      phase: plaintext
                  - start-zookeeper-ensemble:
                  - wait-quorum:
                  - start-brokers:
                """);
        RunResult r = run("setup");
        if (r.exitCode() != 0) {
            throw new IllegalStateException("setup failed: " + r.message());
        }
        awaitSettled();
        events.clear();
    }

    /** Until every partition is back in sync, as an operator waits before the next run (whose first gate refuses otherwise). */
    public void awaitSettled() throws InterruptedException {
        Backend b = cluster.backend();
        Map<Integer, String> names = new TreeMap<>();
        cluster.inventory().hosts(Role.KAFKA).forEach(h -> names.put(b.plan().brokerId(h), h.name()));
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!BrokerGates.readyToRoll(b.probe().snapshot(), names).passed()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the local cluster did not settle");
            }
            Thread.sleep(20);
        }
    }

    public <T extends RunEvent> List<T> events(Class<T> type) {
        synchronized (events) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
