package dev.kroll.rollout.engine;

import dev.kroll.inventory.Inventory;
import dev.kroll.rollout.journal.Journal;
import dev.kroll.rollout.journal.RunStatus;
import dev.kroll.rollout.port.Backend;
import dev.kroll.util.Errors;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a playbook's steps in order on its own thread, against one backend, recording every
 * completed host action in the journal and publishing {@link RunEvent}s to its subscribers.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Inventory inventory;
    private final Backend backend;
    private final EngineSettings settings;
    private final Clock clock;
    private final List<Consumer<RunEvent>> subscribers = new ArrayList<>();

    public Engine(Inventory inventory, Backend backend, EngineSettings settings, Clock clock) {
        this.inventory = inventory;
        this.backend = backend;
        this.settings = settings;
        this.clock = clock;
    }

    public Engine subscribe(Consumer<RunEvent> s) {
        subscribers.add(s);
        return this;
    }

    /** Starts (or, with a re-opened journal, continues) a run; steps and actions the journal has as done are skipped. */
    public RunHandle start(Playbook playbook, Journal journal, RunParams params) {
        EventBus bus = new EventBus();
        subscribers.forEach(bus::subscribe);
        RunState state = new RunState(inventory, backend, settings, journal, bus, clock, params, journal.record().attempts());
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kroll-engine");
            t.setDaemon(true);
            return t;
        });
        Future<RunResult> f = thread.submit(() -> execute(state, playbook));
        thread.shutdown();
        return new RunHandle(journal.runId(), f, state, bus);
    }

    /** Collects what the playbook would change, changing nothing (reads current files from the hosts). */
    public DryRunReport dryRun(Playbook playbook, RunParams params) throws InterruptedException {
        RunState state = new RunState(inventory, backend, settings, null, null, clock, params, 0);
        DryRunReport report = new DryRunReport();
        for (int i = 0; i < playbook.steps().size(); i++) {
            Step s = playbook.steps().get(i);
            if (playbook.enabled(s, params)) {
                s.plan(new DryRun(state, i, report));
            } else {
                report.add(new DryRunReport.Note(i, null, "skipped: " + String.join(", ", s.header().when()) + " is off"));
            }
        }
        return report;
    }

    private RunResult execute(RunState st, Playbook pb) {
        st.engineThread = Thread.currentThread();
        Journal j = st.journal;
        String runId = j.runId();
        st.bus.publish(new RunEvent.RunStarted(runId, clock.instant(), pb.name(), pb.steps().size(), st.attempt, false));
        int current = -1;
        try {
            for (int i = 0; i < pb.steps().size(); i++) {
                current = i;
                Step s = pb.steps().get(i);
                if (!pb.enabled(s, st.params)) {
                    st.bus.publish(new RunEvent.StepDone(runId, clock.instant(), i, s.header().type(), StepOutcome.SKIPPED,
                            "skipped: " + String.join(", ", s.header().when()) + " is off"));
                    continue;
                }
                if (j.stepDone(i)) {
                    st.bus.publish(new RunEvent.StepDone(runId, clock.instant(), i, s.header().type(), StepOutcome.ALREADY_DONE,
                            s.header().title() + " (done in an earlier attempt)"));
                    continue;
                }
                st.bus.publish(new RunEvent.StepStarted(runId, clock.instant(), i, pb.steps().size(), s.header().type(), s.header().title()));
                s.run(new StepContext(st, i, s));
                j.stepDone(i, true);
                st.bus.publish(new RunEvent.StepDone(runId, clock.instant(), i, s.header().type(), StepOutcome.DONE, s.header().title()));
            }
            String msg = pb.name() + " finished: " + pb.steps().size() + " steps";
            j.finish(RunStatus.SUCCEEDED, msg);
            return finished(st, RunOutcome.SUCCEEDED, msg);
        } catch (InterruptedException e) {
            String msg = "cancelled during step " + (current + 1) + "; completed host actions are journaled";
            safeFinish(j, RunStatus.CANCELLED, msg);
            return finished(st, RunOutcome.CANCELLED, msg);
        } catch (KrollException e) {
            boolean refused = e.exitCode() == ExitCode.GATE_REFUSED;
            String msg = "step " + (current + 1) + " (" + pb.steps().get(current).header().title() + "): " + e.getMessage();
            if (e.exitCode() == ExitCode.FAILURE && e.getCause() != null) {
                LOG.warn("step failed", e);
            }
            st.bus.publish(new RunEvent.Failure(runId, clock.instant(), current, null, msg));
            safeFinish(j, refused ? RunStatus.REFUSED : RunStatus.FAILED, msg);
            return finished(st, refused ? RunOutcome.REFUSED : RunOutcome.FAILED, msg);
        } catch (RuntimeException e) {
            LOG.error("step failed unexpectedly", e);
            String msg = "step " + (current + 1) + " failed: " + Errors.message(e);
            st.bus.publish(new RunEvent.Failure(runId, clock.instant(), current, null, msg));
            safeFinish(j, RunStatus.FAILED, msg);
            return finished(st, RunOutcome.FAILED, msg);
        }
    }

    private RunResult finished(RunState st, RunOutcome outcome, String msg) {
        st.bus.publish(new RunEvent.RunFinished(st.runId(), clock.instant(), outcome, outcome.exitCode(), msg));
        return new RunResult(st.runId(), outcome, msg);
    }

    private static void safeFinish(Journal j, RunStatus status, String msg) {
        try {
            j.finish(status, msg);
        } catch (KrollException e) {
            LOG.error("cannot record the end of the run", e);
        }
    }
}
