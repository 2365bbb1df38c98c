package dev.kroll.tui.wizard;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.DryRunReport;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.journal.JournalStore;
import dev.kroll.rollout.journal.RunRecord;
import dev.kroll.rollout.journal.RunStatus;
import dev.kroll.rollout.port.HostKeyQuestion;
import dev.kroll.rollout.port.Prompts;
import dev.kroll.util.Files2;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The wizard on kroll's real parts: the inventory file (read again on every preview), the planner, and
 * the rollout engine running the wizard playbook ({@code wizard.yaml}, one parameter per step), so every
 * step is journaled and resumable like {@code kroll run}. Without an engine (no backend for the hosts
 * in this session) the engine steps say so instead of running.
 */
public final class EngineWizardBackend implements WizardBackend {

    static final String PLAYBOOK = "wizard";

    /** The engine for one inventory and the connections it holds (closed when the preview or run ends). */
    public record OpenEngine(Rollout rollout, AutoCloseable resources) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (resources != null) {
                resources.close();
            }
        }
    }

    /**
     * Opens the engine on an inventory (the CLI: the SSH backend; tests: simulated hosts), asking the
     * operator through {@code prompts} (SSH host keys seen for the first time, the CA passphrase).
     */
    @FunctionalInterface
    public interface EngineFactory {
        OpenEngine open(Inventory inventory, Prompts prompts) throws Exception;
    }

    private final Path inventoryFile;
    private final EngineFactory engine;
    private final String noEngine;
    private final Map<String, String> params;
    private final Clock clock;
    private volatile Prompts prompts = new Prompts(HostKeyQuestion.REFUSE, null);

    /**
     * @param engine   makes the engine for an inventory, or null when this session has none
     * @param noEngine why there is none, in plain words
     * @param params   playbook parameters, e.g. {@code kafka-distribution}
     */
    public EngineWizardBackend(Path inventoryFile, EngineFactory engine, String noEngine,
                               Map<String, String> params, Clock clock) {
        this.inventoryFile = inventoryFile;
        this.engine = engine;
        this.noEngine = noEngine;
        this.params = Map.copyOf(params);
        this.clock = clock;
    }

    @Override
    public void prompts(Prompts p) {
        this.prompts = p;
    }

    private Inventory inventory() {
        return KrollYaml.load(inventoryFile);
    }

    @Override
    public StagePreview preview(Stage stage) throws Exception {
        if (stage == Stage.INVENTORY) {
            if (!Files.exists(inventoryFile)) {
                return InventoryPreview.missing(inventoryFile.toAbsolutePath());
            }
            try {
                return InventoryPreview.of(inventory());
            } catch (KrollException e) {
                return InventoryPreview.invalid(inventoryFile, e);
            }
        }
        if (stage == Stage.DASHBOARD) {
            return StagePreview.unavailable("the dashboard is not a run");
        }
        Inventory inv;
        try {
            inv = inventory();
        } catch (KrollException e) {
            return StagePreview.unavailable("the inventory has problems: see step 1");
        }
        if (stage == Stage.PLAN) {
            return PlanStage.preview(inv);
        }
        if (engine == null) {
            return StagePreview.unavailable(noEngine);
        }
        try (OpenEngine e = engine.open(inv, prompts)) {
            Rollout r = e.rollout();
            Playbook pb = playbook(inv, r);
            DryRunReport report = r.dryRun(pb, r.params(pb, params(stage)));
            return DryRunText.preview(stage, report);
        }
    }

    Map<String, String> params(Stage stage) {
        Map<String, String> p = new HashMap<>(params);
        p.put(param(stage), "true");
        return p;
    }

    static String param(Stage stage) {
        return switch (stage) {
            case PREFLIGHT -> "preflight";
            case CERTIFICATES -> "certificates";
            case DISTRIBUTION -> "distribution";
            case BRING_UP -> "bring-up";
            case SSL_MIGRATION -> "ssl-migration";
            default -> throw new IllegalArgumentException(stage + " is not an engine step");
        };
    }

    /** The wizard playbook, written beside the journal so a resume finds the same file. */
    static Playbook playbook(Inventory inv, Rollout r) throws IOException {
        Path file = inv.stateDir().resolve("wizard").resolve(PLAYBOOK + ".yaml");
        try (InputStream in = EngineWizardBackend.class.getResourceAsStream("wizard.yaml")) {
            byte[] text = in.readAllBytes();
            if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), text)) {
                Files2.privateDir(inv.stateDir());
                Files.createDirectories(file.getParent());
                Files2.writeAtomically(file, new String(text, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return r.load(file.toString());
    }

    @Override
    public RunControl start(Stage stage, Consumer<WizardEvent> events) throws Exception {
        Inventory inv = inventory();
        if (stage == Stage.PLAN) {
            return runOnThread(events, () -> {
                String msg = PlanStage.accept(inv);
                return new WizardEvent.Finished(clock.instant(), true, false, msg);
            });
        }
        if (engine == null) {
            throw new IllegalStateException(noEngine);
        }
        OpenEngine open = engine.open(inv, prompts);
        Rollout r = open.rollout();
        Playbook pb = playbook(inv, r);
        var runParams = r.params(pb, params(stage));
        return runOnThread(events, () -> {
            try (open) {
                r.run(pb, runParams, e -> EngineEvents.of(e, stage).ifPresent(events));
            }
            return null; // the engine's own RunFinished has ended the step
        });
    }

    /** Work on a thread of its own; cancel interrupts it (the engine stops at the next safe point). */
    private RunControl runOnThread(Consumer<WizardEvent> events, Work work) {
        Thread t = new Thread(() -> {
            try {
                WizardEvent last = work.run();
                if (last != null) {
                    events.accept(last);
                }
            } catch (InterruptedException e) {
                events.accept(new WizardEvent.Finished(clock.instant(), false, true, "stopped"));
            } catch (Exception e) {
                events.accept(new WizardEvent.Finished(clock.instant(), false, false, e.getMessage()));
            }
        }, "kroll-wizard-run");
        t.setDaemon(true);
        t.start();
        return new RunControl() {
            @Override
            public void cancel() {
                t.interrupt();
            }

            @Override
            public boolean awaitEnd(java.time.Duration timeout) throws InterruptedException {
                t.join(Math.max(1, timeout.toMillis()));
                return !t.isAlive();
            }
        };
    }

    private interface Work {
        WizardEvent run() throws Exception;
    }

    @Override
    public Optional<InterruptedRun> interrupted() {
        Inventory inv;
        try {
            inv = inventory();
        } catch (KrollException e) {
            return Optional.empty();
        }
        Optional<RunRecord> latest = new JournalStore(inv.stateDir()).latest()
                .filter(r -> r.status() != RunStatus.SUCCEEDED && r.status() != RunStatus.REFUSED);
        return latest.map(r -> new InterruptedRun(r.runId(), r.playbook(), stageOf(r), describe(r),
                engine == null ? noEngine : null));
    }

    static Stage stageOf(RunRecord r) {
        for (Stage s : List.of(Stage.SSL_MIGRATION, Stage.BRING_UP, Stage.DISTRIBUTION, Stage.CERTIFICATES, Stage.PREFLIGHT)) {
            if ("true".equals(r.params().get(param(s)))) {
                return s;
            }
        }
        return r.playbook().contains("ssl") || r.playbook().equals("first-time-setup") ? Stage.SSL_MIGRATION : Stage.BRING_UP;
    }

    private static String describe(RunRecord r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.stepsDone().size() + " step(s) and " + r.actions().size() + " host action(s) done");
        parts.add("status " + r.status().name().toLowerCase());
        if (r.message() != null) {
            parts.add(r.message());
        }
        return String.join("; ", parts);
    }

    @Override
    public RunControl resume(InterruptedRun run, Consumer<WizardEvent> events) throws Exception {
        if (engine == null) {
            throw new IllegalStateException(noEngine);
        }
        OpenEngine open = engine.open(inventory(), prompts);
        Rollout r = open.rollout();
        RunRecord record = r.resumable(Optional.of(run.runId()));
        return runOnThread(events, () -> {
            try (open) {
                r.resume(record, e -> EngineEvents.of(e, run.stage()).ifPresent(events));
            }
            return null;
        });
    }
}
