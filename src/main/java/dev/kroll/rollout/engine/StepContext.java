package dev.kroll.rollout.engine;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.gate.ClusterView;
import dev.kroll.rollout.gate.GateDecision;
import dev.kroll.rollout.gate.ProgressWatch;
import dev.kroll.rollout.gate.RecoveryMeasure;
import dev.kroll.rollout.journal.ActionRecord;
import dev.kroll.rollout.journal.ActionStatus;
import dev.kroll.rollout.journal.Journal;
import dev.kroll.rollout.port.Backend;
import dev.kroll.util.Errors;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a running step may do: host actions recorded in the journal, gates, progress events. Steps
 * never talk to the journal or the event bus directly, so every step gets resume and reporting
 * the same way.
 */
public final class StepContext {

    private static final Duration LIVENESS_EVERY = Duration.ofSeconds(1);
    private static final Duration FULL_READ_EVERY = Duration.ofSeconds(1);
    /** A view this young is as good as a new read for choosing the next member (one read takes a fraction of that). */
    private static final Duration JUST_READ = Duration.ofSeconds(1);

    private final RunState run;
    private final int index;
    private final Step step;
    private volatile ClusterView passedOn;

    StepContext(RunState run, int index, Step step) {
        this.run = run;
        this.index = index;
        this.step = step;
    }

    public Inventory inventory() {
        return run.inventory;
    }

    public Backend backend() {
        return run.backend;
    }

    public EngineSettings settings() {
        return run.settings;
    }

    public RunParams params() {
        return run.params;
    }

    public int index() {
        return index;
    }

    public List<Host> hosts(Role role) {
        return run.inventory.hosts(role);
    }

    /** Broker id → host. */
    public Map<Integer, Host> brokers() {
        return run.brokers();
    }

    /** Broker id → host name, as the gates name brokers. */
    public Map<Integer, String> brokerNames() {
        Map<Integer, String> m = new TreeMap<>();
        run.brokers().forEach((id, h) -> m.put(id, h.name()));
        return m;
    }

    /** ZooKeeper myid → host. */
    public Map<Integer, Host> zookeepers() {
        Map<Integer, Host> m = new LinkedHashMap<>();
        for (Host h : hosts(Role.ZOOKEEPER)) {
            m.put(run.backend.plan().zookeeperId(h), h);
        }
        return m;
    }

    public void progress(Host host, String message) {
        run.bus.publish(new RunEvent.HostProgress(run.runId(), now(), index, host == null ? null : host.name(), message));
    }

    public ClusterView snapshot() {
        return run.backend.probe().snapshot();
    }

    /** A view for gates about {@code host}'s broker alone (see {@link dev.kroll.rollout.port.ClusterProbe#snapshotOf}). */
    public ClusterView snapshotOf(Host host) {
        return run.backend.probe().snapshotOf(host.name());
    }

    /**
     * The view the latest gate passed on, once, if it was read within the last second; for choosing the next
     * member of a roll right after the previous one came back healthy, without reading the cluster again.
     */
    public Optional<ClusterView> viewJustPassed() {
        ClusterView v = passedOn;
        passedOn = null;
        return v != null && Duration.between(v.takenAt(), now()).compareTo(JUST_READ) < 0 ? Optional.of(v) : Optional.empty();
    }

    /** Hosts of this step whose action was cut off part way in an earlier attempt. */
    public List<String> interruptedHosts() {
        return run.journal.interruptedHosts(index);
    }

    /**
     * Whether a gate that is not met may be waited for. Before this attempt changed anything, an
     * unmet gate means the cluster was not fit when the run started: refuse, don't wait. A resume
     * that continues a cut-off action may wait: the cluster is expected to be mid-change.
     */
    public boolean mayWait() {
        return run.changed.get() || !interruptedHosts().isEmpty();
    }

    /** Whether the journal has this host action as completed in an earlier attempt. */
    public boolean done(Host host, String action) {
        return run.journal.done(index, host == null ? Journal.JUMP_HOST : host.name(), action);
    }

    /**
     * Runs one host-level action unless the journal says it completed in an earlier attempt. The
     * journal records it as started, then as done (or failed) the moment it ends.
     */
    public ActionOutcome hostAction(Host host, String action, HostWork work) throws InterruptedException {
        String hostName = host == null ? Journal.JUMP_HOST : host.name();
        if (run.journal.done(index, hostName, action)) {
            run.bus.publish(new RunEvent.HostActionDone(run.runId(), now(), index, hostName, action, ActionOutcome.SKIPPED,
                    "done in an earlier attempt of this run"));
            return ActionOutcome.SKIPPED;
        }
        checkCancelled();
        Optional<ActionRecord> cutOff = run.journal.interrupted(index, hostName, action);
        run.journal.started(index, step.header().type(), hostName, action);
        ActionScope scope = new ActionScope(this, host, action, cutOff);
        ActionResult result;
        try {
            result = work.run(scope);
        } catch (InterruptedException e) {
            throw e; // stays STARTED in the journal: a resume knows this action was cut off
        } catch (KrollException e) {
            fail(hostName, action, scope, e.getMessage());
            throw e;
        } catch (Exception e) {
            String msg = hostName + ": " + action + " failed: " + Errors.message(e);
            fail(hostName, action, scope, msg);
            throw KrollException.failure(msg, e);
        }
        if (result.outcome() == ActionOutcome.CHANGED) {
            markChanged();
        }
        run.journal.finished(index, hostName, action, ActionStatus.DONE, result.detail());
        run.bus.publish(new RunEvent.HostActionDone(run.runId(), now(), index, hostName, action, result.outcome(), result.detail()));
        return result.outcome();
    }

    /** A host action on the jump host itself (issuing certificates). */
    public ActionOutcome localAction(String action, HostWork work) throws InterruptedException {
        return hostAction(null, action, work);
    }

    /** The same action on many hosts at once (bounded); every host's result is reported before a failure is raised. */
    public void forEachHost(List<Host> hosts, String action, HostWork work) throws InterruptedException {
        FanOut.run(this, hosts, action, work, run.settings.parallelism());
    }

    /**
     * Waits until {@code gate} passes (publishing why it waits), up to {@code timeout}. A refusal,
     * or an unmet gate before anything changed ({@link #mayWait}), ends the run with exit 3.
     */
    public void awaitGate(Host host, String gate, Function<ClusterView, GateDecision> fn, Duration timeout) throws InterruptedException {
        awaitGate(host, gate, fn, timeout, null);
    }

    /** As {@link #awaitGate(Host, String, Function, Duration)}, deciding first on {@code fresh} (a view just read) when given. */
    public void awaitGate(Host host, String gate, Function<ClusterView, GateDecision> fn, Duration timeout, ClusterView fresh)
            throws InterruptedException {
        Instant start = now();
        Waiting waiting = new Waiting(host, gate);
        ClusterView first = fresh;
        while (true) {
            checkCancelled();
            Instant read = now();
            ClusterView v = first != null ? first : snapshot();
            GateDecision d = fn.apply(v);
            first = null;
            if (d.passed()) {
                passedOn = v;
                passed(host, gate, d.text());
                return;
            }
            if (d instanceof GateDecision.Refuse) {
                throw refused(host, gate, d.text());
            }
            if (!mayWait()) {
                throw refused(host, gate, d.text() + " (nothing has been changed)");
            }
            if (Duration.between(start, now()).compareTo(timeout) >= 0) {
                throw KrollException.failure(where(host) + gate + " not met within " + Durations.format(timeout) + ": " + d.text(), null);
            }
            waiting.publish(d.text());
            pollAgain(read);
        }
    }

    /**
     * Waits for a restarted service to become healthy, as long as it makes progress: fails when
     * {@code measure} has not improved for {@code stall}, or when {@code alive} says the process is
     * gone on two reads in a row.
     */
    public void awaitRecovery(Host host, String gate, Function<ClusterView, GateDecision> fn,
                              Function<ClusterView, RecoveryMeasure> measure, Duration stall, Liveness alive)
            throws InterruptedException, RecoveryFailed {
        awaitRecovery(host, gate, fn, measure, stall, alive, this::snapshot, null);
    }

    /**
     * As above, reading the cluster with {@code view}, and with {@code notYet}: a cheap read (one ZooKeeper lookup,
     * say) that can tell the gate cannot pass yet, giving the reason. While it does, the view is read only once a second,
     * for the progress measure: polling every broker's JMX ten times a second takes CPU from the very
     * broker that is starting up on a small machine.
     */
    public void awaitRecovery(Host host, String gate, Function<ClusterView, GateDecision> fn,
                              Function<ClusterView, RecoveryMeasure> measure, Duration stall, Liveness alive,
                              java.util.function.Supplier<ClusterView> view, java.util.function.Supplier<Optional<String>> notYet)
            throws InterruptedException, RecoveryFailed {
        Recovery r = new Recovery(new Waiting(host, gate), stall, alive);
        Instant lastFull = null;
        while (true) {
            checkCancelled();
            Instant read = now();
            if (notYet != null && lastFull != null && Duration.between(lastFull, read).compareTo(FULL_READ_EVERY) < 0) {
                Optional<String> why = notYet.get();
                if (why.isPresent()) {
                    r.waitMore(why.get(), now());
                    pollAgain(read);
                    continue;
                }
            }
            lastFull = read;
            ClusterView v = view.get();
            GateDecision d = fn.apply(v);
            if (d.passed()) {
                passedOn = v;
                passed(host, gate, d.text());
                return;
            }
            if (d instanceof GateDecision.Refuse) {
                throw refused(host, gate, d.text());
            }
            Instant t = now();
            r.observe(measure.apply(v), t);
            r.waitMore(d.text(), t);
            pollAgain(read);
        }
    }

    /** The progress watch and liveness count of one {@link #awaitRecovery} wait. */
    private final class Recovery {
        private final Waiting waiting;
        private final Duration stall;
        private final Liveness alive;
        private ProgressWatch watch;
        private int deadReads;
        // the service manager has just reported it started: the first remote liveness check can wait a second
        // rather than delay the first gate read by a round trip (dead still takes two reads a second apart)
        private Instant lastAliveCheck;

        Recovery(Waiting waiting, Duration stall, Liveness alive) {
            this.waiting = waiting;
            this.stall = stall;
            this.alive = alive;
            this.watch = ProgressWatch.start(now());
            this.lastAliveCheck = now();
        }

        void observe(RecoveryMeasure m, Instant t) {
            watch = watch.observe(m, t);
        }

        /** Not there yet for {@code reason}: fails when the process is gone or nothing has improved for too long. */
        void waitMore(String reason, Instant t) throws InterruptedException, RecoveryFailed {
            // the service manager is asked at most once a second: it costs a remote command
            if (alive != null && Duration.between(lastAliveCheck, t).compareTo(LIVENESS_EVERY) >= 0) {
                lastAliveCheck = t;
                deadReads = alive.alive() ? 0 : deadReads + 1;
            }
            if (deadReads >= 2) {
                throw new RecoveryFailed("its process is not running (" + reason + ")");
            }
            if (watch.stalled(t, stall)) {
                throw new RecoveryFailed("no progress for " + Durations.format(stall) + " (" + reason + ")");
            }
            Duration quiet = watch.stalledFor(t);
            waiting.publish(quiet.compareTo(run.settings.poll().multipliedBy(2)) > 0
                    ? reason + " (no progress for " + Durations.format(quiet) + " of " + Durations.format(stall) + ")" : reason);
        }
    }

    /** Whether the service is still there, read between gate polls. */
    @FunctionalInterface
    public interface Liveness {
        boolean alive() throws InterruptedException;
    }

    /**
     * Sleeps until one poll interval after {@code readStarted}: the interval is between the starts of two reads,
     * so a slow read (a busy cluster, a remote liveness check) does not add the whole interval on top.
     */
    private void pollAgain(Instant readStarted) throws InterruptedException {
        Duration left = run.settings.poll().minus(Duration.between(readStarted, now()));
        if (left.isNegative() || left.isZero()) {
            checkCancelled();
            Thread.yield();
        } else {
            sleep(left);
        }
    }

    public void sleep(Duration d) throws InterruptedException {
        checkCancelled();
        Thread.sleep(d.toMillis());
    }

    public void checkCancelled() throws InterruptedException {
        if (run.cancelled || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("run cancelled");
        }
    }

    void journalChanged(Host host, String action, String path) {
        markChanged();
        run.journal.changed(index, host == null ? Journal.JUMP_HOST : host.name(), action, path);
    }

    void journalReplacing(Host host, String action, String path, String sha256) {
        run.journal.replacing(index, host == null ? Journal.JUMP_HOST : host.name(), action, path, sha256);
    }

    void journalRendered(Host host, String action, String fingerprint) {
        run.journal.rendered(index, host == null ? Journal.JUMP_HOST : host.name(), action, fingerprint);
    }

    Optional<ActionRecord> journalRecord(Host host, String action) {
        return run.journal.action(index, host == null ? Journal.JUMP_HOST : host.name(), action);
    }

    void markChanged() {
        run.changed.set(true);
    }

    private void fail(String hostName, String action, ActionScope scope, String message) {
        run.journal.finished(index, hostName, action, scope.wasReverted() ? ActionStatus.REVERTED : ActionStatus.FAILED, message);
        run.bus.publish(new RunEvent.Failure(run.runId(), now(), index, hostName, message));
    }

    private void passed(Host host, String gate, String detail) {
        run.bus.publish(new RunEvent.GatePassed(run.runId(), now(), index, host == null ? null : host.name(), gate, detail));
    }

    private KrollException refused(Host host, String gate, String reason) {
        return new KrollException(ExitCode.GATE_REFUSED, where(host) + gate + " refused: " + reason);
    }

    private static String where(Host host) {
        return host == null ? "" : host.name() + ": ";
    }

    Instant now() {
        return run.clock.instant();
    }

    /** Publishes "waiting" when the reason changes, and again now and then while it does not. */
    private final class Waiting {
        private final Host host;
        private final String gate;
        private String last;
        private Instant lastAt = Instant.MIN;

        Waiting(Host host, String gate) {
            this.host = host;
            this.gate = gate;
        }

        void publish(String reason) {
            Instant t = now();
            String key = reason.replaceAll(" \\(no progress for .*\\)$", "");
            if (!key.equals(last) || Duration.between(lastAt, t).compareTo(run.settings.repeatWaiting()) >= 0) {
                run.bus.publish(new RunEvent.GateWaiting(run.runId(), t, index, host == null ? null : host.name(), gate, reason));
                last = key;
                lastAt = t;
            }
        }
    }
}
