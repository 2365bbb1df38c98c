package dev.kroll.tui.wizard;

import com.googlecode.lanterna.input.KeyStroke;
import dev.kroll.tui.KeyBinding;
import dev.kroll.tui.Keys;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Painter;
import dev.kroll.tui.widget.Pane;
import java.util.List;
import java.util.function.Consumer;

/** The wizard's step list: each step with its state; ↑↓ choose which step the right side shows. */
final class StepListPane extends Pane {

    private final WizardState state;
    private final Consumer<Stage> selected;
    private Stage selection = Stage.INVENTORY;

    StepListPane(WizardState state, Consumer<Stage> selected) {
        super("Steps");
        this.state = state;
        this.selected = selected;
    }

    Stage selection() {
        return selection;
    }

    void select(Stage s) {
        selection = s;
        selected.accept(s);
        invalidate();
    }

    @Override
    public List<KeyBinding> bindings() {
        return List.of(KeyBinding.info("↑↓ j/k", "choose a step", false));
    }

    @Override
    protected boolean onKey(KeyStroke key) {
        int i = selection.ordinal();
        if (Keys.matches(key, "Down") || Keys.matches(key, "j")) {
            select(Stage.values()[Math.min(Stage.values().length - 1, i + 1)]);
        } else if (Keys.matches(key, "Up") || Keys.matches(key, "k")) {
            select(Stage.values()[Math.max(0, i - 1)]);
        } else {
            return false;
        }
        return true;
    }

    @Override
    protected void paintBody(Painter p) {
        for (Stage s : Stage.values()) {
            int row = s.ordinal() * 2;
            WizardState.Status st = state.status(s);
            boolean sel = s == selection;
            Painter rp = sel ? p.on(Style.SELECTED) : p;
            if (sel) {
                rp.fillRow(row, Style.SELECTED);
            }
            Style symbolStyle = switch (st) {
                case DONE -> Style.OK;
                case FAILED -> Style.BAD;
                case RUNNING, WAITING -> Style.ACCENT;
                case CANCELLED -> Style.WARN;
                case PENDING -> Style.DIM;
            };
            int acceptedFindings = st == WizardState.Status.DONE ? state.accepted(s).size() : 0;
            rp.text(1, row, acceptedFindings > 0 ? "▲" : st.symbol(), acceptedFindings > 0 ? Style.WARN : symbolStyle);
            rp.text(3, row, (s.ordinal() + 1) + " " + s.title(), sel ? Style.SELECTED : Style.NORMAL, p.cols() - 3);
            String word = switch (st) {
                case PENDING -> "";
                case RUNNING -> "running";
                case WAITING -> "waiting";
                case DONE -> "done";
                case FAILED -> "failed";
                case CANCELLED -> "stopped";
            };
            if (acceptedFindings > 0) { // done, but not everything passed: say so beside the tick
                p.text(5, row + 1, "done, " + acceptedFindings + " accepted", Style.WARN, p.cols() - 5);
            } else {
                p.text(5, row + 1, word, symbolStyle, p.cols() - 5);
            }
        }
    }
}
