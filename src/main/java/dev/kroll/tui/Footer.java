package dev.kroll.tui;

import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Line;
import dev.kroll.tui.widget.Painter;
import java.util.List;

/** Paints the header (where you are) and the footer (the keys that work now, messages, the : line). */
final class Footer {

    private final Shell shell;
    private String message;
    private Style messageStyle = Style.NORMAL;
    private long expiresAt;

    Footer(Shell shell) {
        this.shell = shell;
    }

    void message(String text, Style style) {
        this.message = text;
        this.messageStyle = style;
        this.expiresAt = System.nanoTime() + Shell.MESSAGE_TIME.toNanos();
    }

    /** Clears the message once its time is up (a newer message keeps its own time). */
    void expire() {
        if (message != null && System.nanoTime() - expiresAt >= -50_000_000L) {
            message = null;
        }
    }

    String message() {
        return message;
    }

    void paint(Painter painter) {
        Painter p = painter.on(Style.FOOTER);
        p.fill(Style.FOOTER);
        if (shell.commandLine().active()) {
            p.line(0, 0, shell.commandLine().render());
            return;
        }
        List<KeyBinding> global = GlobalCommands.keys(shell);
        Line right = keys(global.stream().filter(KeyBinding::inFooter).toList());
        int rightCol = Math.max(0, p.cols() - right.width());
        if (message != null) {
            p.text(1, 0, message, messageStyle, rightCol - 2);
        } else {
            List<KeyBinding> local = shell.localBindings().stream().filter(b -> b.inFooter() && b.isEnabled()).toList();
            p.line(1, 0, keys(local), rightCol - 2);
        }
        p.line(rightCol, 0, right);
    }

    private static Line keys(List<KeyBinding> bindings) {
        Line.Builder b = Line.builder();
        for (KeyBinding k : bindings) {
            b.add(k.label(), Style.KEY).add(" " + k.description() + "  ");
        }
        return b.build();
    }

    static void paintHeader(Painter painter, Shell shell) {
        Painter p = painter.on(Style.TITLE);
        p.fill(Style.TITLE);
        String where = shell.current().map(View::title).orElse("");
        int col = p.text(0, 0, " kroll · " + shell.cluster() + " · " + where + " ", Style.TITLE);
        Line.Builder right = Line.builder();
        String run = shell.runStatus();
        if (run != null) {
            right.add(" " + run + " ", Style.TITLE);
        }
        if (shell.readonly()) {
            right.add(" READ-ONLY ", Style.WARN);
        }
        Line r = right.build();
        if (r.width() > 0) {
            p.line(Math.max(col, p.cols() - r.width()), 0, r);
        }
    }
}
