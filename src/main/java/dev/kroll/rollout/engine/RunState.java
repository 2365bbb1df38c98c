package dev.kroll.rollout.engine;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.journal.Journal;
import dev.kroll.rollout.port.Backend;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** What the steps of one run share. */
final class RunState {

    final Inventory inventory;
    final Backend backend;
    final EngineSettings settings;
    final Journal journal;
    final EventBus bus;
    final Clock clock;
    final RunParams params;
    final int attempt;
    /** Set once this attempt changed anything on a host: from then on, gates may wait for the cluster to settle. */
    final AtomicBoolean changed = new AtomicBoolean();
    volatile boolean cancelled;
    volatile Thread engineThread;
    private Map<Integer, Host> brokers;

    RunState(Inventory inventory, Backend backend, EngineSettings settings, Journal journal, EventBus bus, Clock clock,
             RunParams params, int attempt) {
        this.inventory = inventory;
        this.backend = backend;
        this.settings = settings;
        this.journal = journal;
        this.bus = bus;
        this.clock = clock;
        this.params = params;
        this.attempt = attempt;
    }

    String runId() {
        return journal == null ? "dry-run" : journal.runId();
    }

    /** Broker id → host, from the plan's stable IDs. */
    synchronized Map<Integer, Host> brokers() {
        if (brokers == null) {
            Map<Integer, Host> m = new LinkedHashMap<>();
            for (Host h : inventory.hosts(Role.KAFKA)) {
                m.put(backend.plan().brokerId(h), h);
            }
            brokers = Collections.unmodifiableMap(m);
        }
        return brokers;
    }
}
