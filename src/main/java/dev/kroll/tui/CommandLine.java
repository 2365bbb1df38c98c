package dev.kroll.tui;

import com.googlecode.lanterna.input.KeyStroke;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Line;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** The {@code :} line in the footer: editing, tab completion of command names, history with ↑↓. */
final class CommandLine {

    private final StringBuilder buffer = new StringBuilder();
    private final List<String> history = new ArrayList<>();
    private int historyPos;
    private boolean active;

    boolean active() {
        return active;
    }

    void open() {
        active = true;
        buffer.setLength(0);
        historyPos = history.size();
    }

    /** Handles a key while open; runs {@code submit} with the text on enter. */
    void onKey(KeyStroke key, Collection<String> names, Consumer<String> submit) {
        if (Keys.matches(key, "Esc")) {
            active = false;
        } else if (Keys.matches(key, "Enter")) {
            active = false;
            String text = buffer.toString().trim();
            if (!text.isEmpty()) {
                history.add(text);
                submit.accept(text);
            }
        } else if (Keys.matches(key, "Backspace")) {
            if (buffer.length() == 0) {
                active = false;
            } else {
                buffer.setLength(buffer.length() - 1);
            }
        } else if (Keys.matches(key, "Tab")) {
            complete(names);
        } else if (Keys.matches(key, "Up") && historyPos > 0) {
            historyPos--;
            buffer.setLength(0);
            buffer.append(history.get(historyPos));
        } else if (Keys.matches(key, "Down") && historyPos < history.size()) {
            historyPos++;
            buffer.setLength(0);
            buffer.append(historyPos < history.size() ? history.get(historyPos) : "");
        } else if (Keys.isChar(key) && buffer.length() < 200) {
            buffer.append(key.getCharacter());
        }
    }

    private void complete(Collection<String> names) {
        String typed = buffer.toString();
        if (typed.contains(" ")) {
            return;
        }
        List<String> matches = names.stream().filter(n -> n.startsWith(typed)).sorted().toList();
        if (matches.size() == 1) {
            buffer.setLength(0);
            buffer.append(matches.get(0)).append(' ');
        } else if (!matches.isEmpty()) {
            String prefix = matches.get(0);
            for (String m : matches) {
                while (!m.startsWith(prefix)) {
                    prefix = prefix.substring(0, prefix.length() - 1);
                }
            }
            buffer.setLength(0);
            buffer.append(prefix);
        }
    }

    Line render() {
        return Line.builder().add(":", Style.KEY).add(buffer + "█", Style.INPUT).build();
    }
}
