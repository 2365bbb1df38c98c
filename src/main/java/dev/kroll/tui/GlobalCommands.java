package dev.kroll.tui;

import dev.kroll.tui.theme.ColorSupport;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.theme.ThemeChoice;
import dev.kroll.tui.theme.Themes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The keys and {@code :} commands that work on every screen. */
final class GlobalCommands {

    private GlobalCommands() {
    }

    static List<KeyBinding> keys(Shell shell) {
        List<KeyBinding> out = new ArrayList<>();
        out.add(KeyBinding.of("?", "help", shell::showHelp));
        out.add(KeyBinding.of(":", "command", shell::openCommandLine));
        out.add(KeyBinding.of("q", "quit", () -> shell.requestQuit(false)));
        out.add(KeyBinding.info("esc", "back (clear a filter, close a detail)", false));
        out.add(KeyBinding.info("tab", "next pane", false));
        out.add(KeyBinding.info("ctrl-c", "quit (always asks)", false));
        for (Map.Entry<String, View> e : shell.homes().entrySet()) {
            String key = e.getKey().substring(0, 1);
            View v = e.getValue();
            if (shell.current().map(c -> c != v).orElse(true)) {
                out.add(KeyBinding.of(key, v.title(), () -> shell.show(v)).notInFooter());
            }
        }
        return out;
    }

    static void register(Shell shell) {
        shell.command(new Command("help", ":help", "show every key and command", false, a -> shell.showHelp()));
        shell.command(new Command("q", ":q", "quit (asks while a run is in progress)", false, a -> shell.requestQuit(false)));
        shell.command(new Command("quit", ":quit", "same as :q", false, a -> shell.requestQuit(false)));
        shell.command(new Command("theme", ":theme NAME[+ACCENT]", "switch theme: " + String.join(", ", Themes.NAMES), false, a -> {
            if (a.isEmpty()) {
                shell.message("theme " + shell.theme().label() + "; available: " + String.join(", ", Themes.NAMES), Style.NORMAL);
                return;
            }
            Themes.KrollTheme t = ThemeChoice.load(a.get(0),
                    shell.theme().colors() == ColorSupport.MONOCHROME ? ColorSupport.ANSI : shell.theme().colors());
            shell.setTheme(t);
            shell.message("theme " + t.label(), Style.OK);
        }));
        shell.command(new Command("status", ":status", "open the live dashboard", false, a -> showHome(shell, "dashboard")));
        shell.command(new Command("dashboard", ":dashboard", "same as :status", false, a -> showHome(shell, "dashboard")));
        shell.command(new Command("wizard", ":wizard", "open the setup wizard", false, a -> showHome(shell, "wizard")));
    }

    private static void showHome(Shell shell, String name) {
        View v = shell.homes().get(name);
        if (v == null) {
            throw new IllegalArgumentException("no " + name + " in this session");
        }
        shell.show(v);
    }
}
