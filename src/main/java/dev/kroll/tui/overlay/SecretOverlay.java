package dev.kroll.tui.overlay;

import com.googlecode.lanterna.input.KeyStroke;
import dev.kroll.tui.Keys;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Line;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a secret (the CA passphrase) without showing it: one {@code •} per character typed. Enter gives
 * it, esc declines. The typed characters live in a char array that is wiped once handed over.
 */
public final class SecretOverlay extends Overlay {

    private final String title;
    private final List<Line> what;
    private final String prompt;
    private final Consumer<char[]> answer;
    private char[] typed = new char[64];
    private int length;

    /** @param answer gets the secret, or null when the operator pressed esc (on the UI thread) */
    public SecretOverlay(String title, List<Line> what, String prompt, Consumer<char[]> answer) {
        this.title = title;
        this.what = List.copyOf(what);
        this.prompt = prompt;
        this.answer = answer;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int preferredWidth() {
        return Math.max(56, Math.min(90, what.stream().mapToInt(Line::width).max().orElse(40) + 6));
    }

    @Override
    public List<Line> body(int width) {
        List<Line> out = new java.util.ArrayList<>(what);
        out.add(Line.EMPTY);
        out.add(Line.builder().add(prompt + " ").add("•".repeat(Math.min(length, 40)) + "_", Style.INPUT).build());
        return out;
    }

    @Override
    public Line hints() {
        return Line.builder().add("enter", Style.KEY).add(" give it   ").add("esc", Style.KEY).add(" cancel").build();
    }

    @Override
    public void onKey(KeyStroke key) {
        if (Keys.matches(key, "Esc")) {
            finish(null);
        } else if (Keys.matches(key, "Enter")) {
            finish(Arrays.copyOf(typed, length));
        } else if (Keys.matches(key, "Backspace")) {
            if (length > 0) {
                typed[--length] = 0;
            }
        } else if (Keys.isChar(key) && length < 1024) {
            if (length == typed.length) {
                char[] bigger = Arrays.copyOf(typed, typed.length * 2);
                Arrays.fill(typed, '\0');
                typed = bigger;
            }
            typed[length++] = key.getCharacter();
        }
    }

    private void finish(char[] secret) {
        Arrays.fill(typed, '\0');
        length = 0;
        close();
        answer.accept(secret);
    }
}
