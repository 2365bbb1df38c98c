package dev.kroll.rollout.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** A run in progress on the engine's thread. */
public final class RunHandle {

    private final String runId;
    private final Future<RunResult> future;
    private final RunState state;
    private final EventBus bus;

    RunHandle(String runId, Future<RunResult> future, RunState state, EventBus bus) {
        this.runId = runId;
        this.future = future;
        this.state = state;
        this.bus = bus;
    }

    public String runId() {
        return runId;
    }

    /** Waits for the run to end and for every event to have been delivered. */
    public RunResult await() throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // the engine turns every failure into a result; this is a bug in kroll
            throw new IllegalStateException("engine failed", e.getCause());
        } finally {
            if (future.isDone()) {
                bus.close();
            }
        }
    }

    /** Asks the run to stop at the next safe point; the journal keeps what completed, for a resume. */
    public void cancel() {
        state.cancelled = true;
        Thread t = state.engineThread;
        if (t != null) {
            t.interrupt();
        }
    }
}
