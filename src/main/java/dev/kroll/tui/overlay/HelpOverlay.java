package dev.kroll.tui.overlay;

import com.googlecode.lanterna.input.KeyStroke;
import dev.kroll.tui.KeyBinding;
import dev.kroll.tui.Keys;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Line;
import dev.kroll.tui.widget.Painter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code ?} overlay: every key that works on the current screen, grouped, plus the commands. */
public final class HelpOverlay extends Overlay {

    private final String screen;
    private final Map<String, List<KeyBinding>> sections;
    private final List<String[]> commands;
    private int scroll;

    /**
     * @param sections heading → keys, in display order
     * @param commands {@code [":name args", "description"]} pairs
     */
    public HelpOverlay(String screen, Map<String, List<KeyBinding>> sections, List<String[]> commands) {
        this.screen = screen;
        this.sections = new LinkedHashMap<>(sections);
        this.commands = List.copyOf(commands);
    }

    @Override
    public String title() {
        return "Keys: " + screen;
    }

    @Override
    public int preferredWidth() {
        return 70;
    }

    @Override
    public List<Line> body(int width) {
        List<Line> out = new ArrayList<>();
        int keyWidth = 12;
        sections.forEach((heading, keys) -> {
            if (keys.isEmpty()) {
                return;
            }
            if (!out.isEmpty()) {
                out.add(Line.EMPTY);
            }
            out.add(Line.of(heading, Style.HEADER));
            for (KeyBinding k : keys) {
                out.add(Line.builder().add(Painter.padRight(k.label(), keyWidth), Style.KEY)
                        .add(Painter.fit(k.description(), width - keyWidth)).build());
            }
        });
        if (!commands.isEmpty()) {
            out.add(Line.EMPTY);
            out.add(Line.of("Commands (type : then the command, enter to run)", Style.HEADER));
            int w = Math.min(24, commands.stream().mapToInt(c -> c[0].length()).max().orElse(10) + 2);
            for (String[] c : commands) {
                out.add(Line.builder().add(Painter.padRight(c[0], w), Style.KEY).add(Painter.fit(c[1], width - w)).build());
            }
        }
        return out;
    }

    @Override
    public Line hints() {
        return Line.builder().add("↑↓", Style.KEY).add(" scroll   ").add("esc", Style.KEY).add(" or ")
                .add("?", Style.KEY).add(" close").build();
    }

    @Override
    public int scroll() {
        return scroll;
    }

    @Override
    public void onKey(KeyStroke key) {
        if (Keys.matches(key, "Esc") || Keys.matches(key, "?") || Keys.matches(key, "q") || Keys.matches(key, "Enter")) {
            close();
        } else if (Keys.matches(key, "Down") || Keys.matches(key, "j")) {
            scroll++;
        } else if (Keys.matches(key, "Up") || Keys.matches(key, "k")) {
            scroll = Math.max(0, scroll - 1);
        } else if (Keys.matches(key, "PgDn") || Keys.matches(key, "space")) {
            scroll += 10;
        } else if (Keys.matches(key, "PgUp")) {
            scroll = Math.max(0, scroll - 10);
        }
        scroll = Math.min(scroll, Math.max(0, body(preferredWidth()).size() - 1));
    }
}
