package dev.kroll.tui.wizard;

import com.googlecode.lanterna.gui2.Component;
import dev.kroll.tui.KeyBinding;
import dev.kroll.tui.Shell;
import dev.kroll.tui.View;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Line;
import dev.kroll.tui.widget.LinesPane;
import dev.kroll.tui.widget.Split;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The guided setup: the step list on the left, the chosen step on the right (what it will do, then live
 * per-host progress with the gate's reason), the event log below. Work runs on the backend's threads;
 * events come back to the UI thread.
 */
public final class WizardView implements View {

    /** How long quitting waits for a running step to reach a safe point. */
    static final java.time.Duration QUIT_WAIT = java.time.Duration.ofSeconds(30);

    private final WizardBackend backend;
    private final Clock clock;
    private final WizardState state = new WizardState();
    private final StepListPane steps;
    private final LinesPane detail = new LinesPane("Step", false);
    private final LinesPane log = new LinesPane("Event log", true);
    private final Component root;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kroll-wizard");
        t.setDaemon(true);
        return t;
    });
    private Shell shell;
    private volatile WizardBackend.RunControl run;
    private boolean askedResume;

    public WizardView(WizardBackend backend, Clock clock) {
        this.backend = backend;
        this.clock = clock;
        this.steps = new StepListPane(state, s -> {
            if (state.preview(s) == null && s != Stage.DASHBOARD && shell != null) {
                loadPreview(s); // worked out when first looked at: a dry run may read every host
            }
            refresh();
        });
        this.root = Split.cols(steps, Split.Size.fixed(26),
                Split.rows(detail, Split.Size.weight(3), log, Split.Size.weight(2)), Split.Size.weight(1));
    }

    public WizardState state() {
        return state;
    }

    @Override
    public String title() {
        return "Setup wizard";
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void shown(Shell s) {
        if (shell == null) {
            shell = s;
            s.runState(state::runInProgress, this::runStatus);
            HostKeyPrompt hostKeys = new HostKeyPrompt(s);
            SecretPrompt secrets = new SecretPrompt(s);
            s.closeLater(hostKeys); // quitting answers no to a question still open, so the run can stop
            s.closeLater(secrets);
            s.closeLater(this::stopRun);   // before the worker: quitting mid-run stops it at a safe point
            s.closeLater(worker::shutdownNow);
            backend.prompts(new dev.kroll.rollout.port.Prompts(hostKeys, secrets));
            s.command(new dev.kroll.tui.Command("run", ":run STEP", "run a wizard step by name, e.g. :run ssl-migration", true,
                    args -> runByName(args)));
            s.command(new dev.kroll.tui.Command("resume", ":resume", "continue an interrupted run", true, a -> offerResume(true)));
            loadPreview(Stage.INVENTORY);
            offerResume(false);
        }
        refresh();
    }

    @Override
    public List<KeyBinding> bindings() {
        Stage sel = steps.selection();
        List<KeyBinding> out = new ArrayList<>();
        if (sel == Stage.INVENTORY) {
            out.add(KeyBinding.of("Enter", "read the inventory again", () -> loadPreview(sel)));
        } else if (sel == Stage.DASHBOARD) {
            out.add(KeyBinding.of("Enter", "open the dashboard", () -> shell.homes().values().stream()
                    .filter(v -> !(v instanceof WizardView)).findFirst().ifPresent(shell::show)));
        } else {
            KeyBinding runKey = KeyBinding.of("Enter", "run " + sel.title(), () -> requestRun(sel))
                    .when(() -> !state.runInProgress() && available(sel));
            out.add(sel.changesHosts() ? runKey.changingHosts() : runKey);
        }
        out.add(KeyBinding.of("p", "preview again", () -> loadPreview(sel)).when(() -> sel != Stage.DASHBOARD)
                .notInFooter());
        out.add(KeyBinding.of("c", "stop the run", this::requestCancel).changingHosts().when(state::runInProgress));
        return out;
    }

    private boolean available(Stage s) {
        StagePreview p = state.preview(s);
        return p != null && p.available();
    }

    private String runStatus() {
        Stage r = state.running();
        if (r == null) {
            return null;
        }
        int[] prog = state.progress();
        return r.title() + " " + prog[0] + "/" + prog[1] + (state.gateReason() == null ? "" : " (waiting)");
    }

    private void loadPreview(Stage s) {
        loadPreview(s, null);
    }

    /** Works out what {@code s} will do on the worker; {@code then} runs on the UI thread once it is shown. */
    private void loadPreview(Stage s, Runnable then) {
        worker.execute(() -> {
            StagePreview p;
            try {
                p = backend.preview(s);
            } catch (Exception e) {
                p = StagePreview.unavailable("cannot preview: " + e.getMessage());
            }
            StagePreview result = p;
            shell.loop().invokeLater(() -> {
                state.preview(s, result);
                if (s == Stage.INVENTORY) { // a valid inventory is the whole of this step
                    state.status(s, result.available() ? WizardState.Status.DONE : WizardState.Status.FAILED);
                }
                refresh();
                if (then != null) {
                    then.run();
                }
            });
        });
    }

    private void runByName(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(":run needs a step, e.g. :run ssl-migration");
        }
        String want = String.join("-", args).toLowerCase();
        for (Stage s : Stage.values()) {
            if (s.title().toLowerCase().replace(' ', '-').replace("&", "").replace("--", "-").equals(want)
                    || s.name().toLowerCase().replace('_', '-').equals(want)) {
                steps.select(s);
                requestRun(s);
                return;
            }
        }
        throw new IllegalArgumentException("no step '" + want + "'; steps: preflight, plan, certificates, distribution, "
                + "bring-up, ssl-migration");
    }

    private void requestRun(Stage s) {
        if (state.runInProgress()) {
            throw new IllegalArgumentException("a run is in progress: " + runStatus());
        }
        if (shell.readonly() && s.changesHosts()) {
            throw new IllegalArgumentException(s.title() + " changes hosts and kroll was started with --readonly");
        }
        StagePreview p = state.preview(s);
        if (p == null) { // e.g. :run before the step was looked at: show what it will do first, then ask
            shell.message("working out what " + s.title() + " will do…", Style.NORMAL);
            loadPreview(s, () -> {
                if (state.preview(s) != null && !state.runInProgress()) {
                    try {
                        requestRun(s);
                    } catch (IllegalArgumentException e) {
                        shell.message(e.getMessage(), Style.BAD);
                    }
                }
            });
            return;
        }
        if (!p.available()) {
            throw new IllegalArgumentException(s.title() + " cannot run: " + p.intro().get(0).text());
        }
        if (!s.needsConfirmation()) {
            start(s);
            return;
        }
        List<Line> what = new ArrayList<>();
        what.add(Line.of(s.what()));
        what.add(Line.EMPTY);
        what.add(Line.of((s.restarts() ? "Starts or restarts services" : "Writes files") + " on " + p.hosts().size() + " host"
                + (p.hosts().size() == 1 ? "" : "s") + ":", Style.WARN));
        what.add(Line.of("  " + String.join(", ", p.hosts())));
        shell.confirm("Run " + s.title() + "?", what, () -> start(s));
    }

    private void start(Stage s) {
        state.begin(s);
        state.note(clock.instant(), "starting " + s.title());
        refresh();
        worker.execute(() -> {
            try {
                WizardBackend.RunControl rc = backend.start(s, deliver());
                shell.loop().invokeLater(() -> run = rc);
            } catch (Exception e) {
                deliver().accept(new WizardEvent.Finished(clock.instant(), false, false, "could not start: " + e.getMessage()));
            }
        });
    }

    private Consumer<WizardEvent> deliver() {
        return e -> shell.loop().invokeLater(() -> {
            Stage ran = state.running();
            state.apply(e);
            if (e instanceof WizardEvent.Finished f) {
                if (ran != null) {
                    state.forgetPreviewsAfter(ran);
                }
                run = null;
                shell.message(f.message(), f.ok() ? Style.OK : Style.BAD);
                Stage next = nextAfter(steps.selection());
                if (f.ok() && next != null) {
                    steps.select(next);
                }
            }
            refresh();
        });
    }

    private static Stage nextAfter(Stage s) {
        return s.ordinal() + 1 < Stage.values().length ? Stage.values()[s.ordinal() + 1] : null;
    }

    private void requestCancel() {
        shell.confirm("Stop the run?", List.of(Line.of("The step stops after the host action under way."),
                Line.of("Completed actions stay in the journal; :resume continues later.")), () -> {
                    if (run != null) {
                        run.cancel();
                    }
                });
    }

    /** Quitting while a run is in progress: the run stops after the host action under way (bounded wait). */
    private void stopRun() throws InterruptedException {
        WizardBackend.RunControl rc = run;
        if (rc != null) {
            rc.cancel();
            rc.awaitEnd(QUIT_WAIT);
        }
    }

    private void offerResume(boolean explicit) {
        worker.execute(() -> {
            var found = backend.interrupted();
            shell.loop().invokeLater(() -> {
                if (found.isEmpty()) {
                    if (explicit) {
                        shell.message("no interrupted run to resume", Style.NORMAL);
                    }
                    return;
                }
                if (askedResume && !explicit) {
                    return;
                }
                askedResume = true;
                WizardBackend.InterruptedRun r = found.get();
                List<Line> what = List.of(Line.of("Run " + r.runId() + " of " + r.playbook() + " was interrupted."),
                        Line.of("It got this far: " + r.done()),
                        Line.of("Resuming skips every host action the journal has as done."));
                Runnable resume = () -> {
                    steps.select(r.stage());
                    state.begin(r.stage());
                    state.note(clock.instant(), "resuming run " + r.runId());
                    worker.execute(() -> {
                        try {
                            WizardBackend.RunControl rc = backend.resume(r, deliver());
                            shell.loop().invokeLater(() -> run = rc);
                        } catch (Exception e) {
                            deliver().accept(new WizardEvent.Finished(clock.instant(), false, false, "could not resume: " + e.getMessage()));
                        }
                    });
                };
                if (r.cannotResume() != null) {
                    shell.message("interrupted run " + r.runId() + " (" + r.playbook() + "): " + r.cannotResume(), Style.WARN);
                    state.note(clock.instant(), "interrupted run " + r.runId() + " found (" + r.done() + "); " + r.cannotResume());
                    refresh();
                } else if (shell.readonly()) {
                    shell.message("an interrupted run (" + r.playbook() + ") can be resumed without --readonly", Style.WARN);
                } else {
                    shell.confirm("Resume the interrupted run?", what, resume);
                }
            });
        });
    }

    private void refresh() {
        Stage s = steps.selection();
        detail.title((s.ordinal() + 1) + " " + s.title());
        detail.lines(StepPage.lines(s, state, shell != null && shell.readonly()));
        log.lines(state.log().stream().map(l -> Line.of(l, l.contains("FAILED") ? Style.BAD
                : l.contains("waiting") ? Style.WARN : Style.NORMAL)).toList());
        steps.invalidate();
    }
}
