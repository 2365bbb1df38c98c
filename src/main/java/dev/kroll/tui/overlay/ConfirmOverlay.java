package dev.kroll.tui.overlay;

import com.googlecode.lanterna.input.KeyStroke;
import dev.kroll.tui.Keys;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks before anything that restarts, overwrites or quits. The answer is never the key that opened it:
 * {@code y} confirms, {@code n}, esc and enter refuse (the safe answer is the default). With
 * {@code typed}, the operator has to type the word (e.g. {@code yes}) and press enter.
 */
public final class ConfirmOverlay extends Overlay {

    private final String title;
    private final List<Line> what;
    private final String typed;
    private final Runnable onYes;
    private final Runnable onNo;
    private final StringBuilder input = new StringBuilder();

    private ConfirmOverlay(String title, List<Line> what, String typed, Runnable onYes, Runnable onNo) {
        this.title = title;
        this.what = List.copyOf(what);
        this.typed = typed;
        this.onYes = onYes;
        this.onNo = onNo == null ? () -> { } : onNo;
    }

    /** y / n. */
    public static ConfirmOverlay yesNo(String title, List<Line> what, Runnable onYes, Runnable onNo) {
        return new ConfirmOverlay(title, what, null, onYes, onNo);
    }

    /** The operator types {@code word} and enter; anything else refuses. */
    public static ConfirmOverlay typed(String title, List<Line> what, String word, Runnable onYes, Runnable onNo) {
        return new ConfirmOverlay(title, what, word, onYes, onNo);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int preferredWidth() {
        return Math.max(50, Math.min(90, what.stream().mapToInt(Line::width).max().orElse(40) + 6));
    }

    @Override
    public List<Line> body(int width) {
        List<Line> out = new ArrayList<>(what);
        if (typed != null) {
            out.add(Line.EMPTY);
            out.add(Line.builder().add("Type " + typed + " to confirm: ").add(input + "_", Style.INPUT).build());
        }
        return out;
    }

    @Override
    public Line hints() {
        if (typed != null) {
            return Line.builder().add("enter", Style.KEY).add(" confirm   ").add("esc", Style.KEY).add(" refuse").build();
        }
        return Line.builder().add("y", Style.KEY).add(" yes   ").add("n", Style.KEY).add("/").add("esc", Style.KEY)
                .add(" no (default)").build();
    }

    @Override
    public void onKey(KeyStroke key) {
        if (Keys.matches(key, "Esc")) {
            answer(false);
        } else if (typed == null) {
            if (Keys.matches(key, "y") || Keys.matches(key, "Y")) {
                answer(true);
            } else if (Keys.matches(key, "n") || Keys.matches(key, "N") || Keys.matches(key, "Enter")) {
                answer(false);
            }
        } else if (Keys.matches(key, "Enter")) {
            answer(input.toString().trim().equalsIgnoreCase(typed));
        } else if (Keys.matches(key, "Backspace")) {
            if (input.length() > 0) {
                input.setLength(input.length() - 1);
            }
        } else if (Keys.isChar(key) && input.length() < 40) {
            input.append(key.getCharacter());
        }
    }

    private void answer(boolean yes) {
        close();
        (yes ? onYes : onNo).run();
    }
}
