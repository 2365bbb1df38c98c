package dev.kroll.tui;

import dev.kroll.tui.overlay.HelpOverlay;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Pane;
import dev.kroll.util.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shell's {@code :} commands and the help overlay that lists them with every key. */
final class ShellCommands {

    private final Shell shell;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    ShellCommands(Shell shell) {
        this.shell = shell;
    }

    void add(Command c) {
        commands.put(c.name(), c);
    }

    /** The commands this session may run (under --readonly, none that change hosts). */
    List<Command> visible() {
        return commands.values().stream().filter(c -> !(shell.readonly() && c.changesHosts())).toList();
    }

    void execute(String text) {
        List<String> words = List.of(text.trim().split("\\s+"));
        String name = words.get(0);
        Command c = commands.get(name);
        if (c == null) {
            String hint = DidYouMean.closest(name, commands.keySet()).map(s -> "; did you mean :" + s + "?")
                    .orElse("; :help lists the commands");
            shell.message("unknown command :" + name + hint, Style.BAD);
            return;
        }
        if (shell.readonly() && c.changesHosts()) {
            shell.message(":" + name + " changes hosts and kroll was started with --readonly", Style.WARN);
            return;
        }
        c.run().accept(words.subList(1, words.size()));
    }

    void showHelp() {
        Map<String, List<KeyBinding>> sections = new LinkedHashMap<>();
        String screen = shell.current().map(View::title).orElse("kroll");
        List<KeyBinding> own = new ArrayList<>(shell.current().map(View::bindings).orElse(List.of()));
        sections.put(screen, own.stream().filter(b -> !(shell.readonly() && b.changesHosts())).toList());
        for (Pane p : shell.panes()) {
            sections.put(screen + " › " + p.title(), p.bindings());
        }
        sections.put("Everywhere", GlobalCommands.keys(shell));
        List<String[]> cmds = visible().stream().map(c -> new String[] {c.usage(), c.description()}).toList();
        shell.open(new HelpOverlay(screen, sections, cmds));
    }
}
