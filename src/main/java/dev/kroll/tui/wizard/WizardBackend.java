package dev.kroll.tui.wizard;

import dev.kroll.rollout.port.Prompts;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the wizard needs from the engine side. Implemented outside the TUI (the CLI wires the planner
 * and the rollout engine); every method may block and is never called on the UI thread.
 */
public interface WizardBackend {

    /** What {@code stage} will do, computed without changing anything (a dry run). */
    StagePreview preview(Stage stage) throws Exception;

    /** Starts the stage; events arrive on any thread until a {@link WizardEvent.Finished}. */
    RunControl start(Stage stage, Consumer<WizardEvent> events) throws Exception;

    /** A run that was interrupted (found in the journal), to offer a resume. */
    Optional<InterruptedRun> interrupted();

    /** Continues an interrupted run without repeating completed host actions. */
    RunControl resume(InterruptedRun run, Consumer<WizardEvent> events) throws Exception;

    /**
     * Who answers what the engine asks the operator: an SSH host key seen for the first time, the CA
     * passphrase (the wizard's modals). Until this is called unknown host keys are refused.
     */
    default void prompts(Prompts prompts) {
    }

    /** A run under way. */
    interface RunControl {
        /** Asks the run to stop at the next safe point (the journal keeps what completed). */
        void cancel();

        /** Waits up to {@code timeout} for the run to end; true when it has. */
        default boolean awaitEnd(java.time.Duration timeout) throws InterruptedException {
            return false;
        }
    }

    /**
     * @param stage        the wizard step it belongs to; {@code done} how far it got, in words
     * @param cannotResume why this session cannot resume it, or null when it can
     */
    record InterruptedRun(String runId, String playbook, Stage stage, String done, String cannotResume) {
    }
}
