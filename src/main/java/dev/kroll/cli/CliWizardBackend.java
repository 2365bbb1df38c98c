package dev.kroll.cli;

import dev.kroll.tui.wizard.InventoryPreview;
import dev.kroll.tui.wizard.Stage;
import dev.kroll.tui.wizard.StagePreview;
import dev.kroll.tui.wizard.WizardBackend;
import dev.kroll.tui.wizard.WizardEvent;
import dev.kroll.inventory.KrollYaml;
import dev.kroll.util.KrollException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The wizard's link to the engine, as far as this build has one. The inventory step is real; the steps
 * that need the planner and the rollout engine say plainly that they are not wired yet instead of
 * pretending (docs/tui.md lists what is live).
 */
final class CliWizardBackend implements WizardBackend {

    static final String NO_PROBE = "this build has no cluster probe wired to the TUI yet (see docs/tui.md)";
    static final String NO_ENGINE = "not available in this build: the rollout engine is not wired to the TUI yet";

    private final Path file;

    CliWizardBackend(Path file) {
        this.file = file;
    }

    @Override
    public StagePreview preview(Stage stage) {
        if (stage == Stage.INVENTORY) {
            if (!Files.exists(file)) {
                return InventoryPreview.missing(file.toAbsolutePath());
            }
            try {
                return InventoryPreview.of(KrollYaml.load(file)); // read again: the operator may have edited it
            } catch (KrollException e) {
                return InventoryPreview.invalid(file, e);
            }
        }
        return StagePreview.unavailable(NO_ENGINE);
    }

    @Override
    public RunControl start(Stage stage, Consumer<WizardEvent> events) {
        throw new IllegalStateException(NO_ENGINE);
    }

    @Override
    public Optional<InterruptedRun> interrupted() {
        return Optional.empty();
    }

    @Override
    public RunControl resume(InterruptedRun run, Consumer<WizardEvent> events) {
        throw new IllegalStateException(NO_ENGINE);
    }
}
