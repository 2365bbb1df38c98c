package dev.kroll.tui.wizard;

import dev.kroll.rollout.port.SecretQuestion;
import dev.kroll.tui.Shell;
import dev.kroll.tui.overlay.SecretOverlay;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Line;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Asks for the CA passphrase in a modal (the TUI owns the terminal, so the engine cannot read it there).
 * Called on an engine thread, which waits; the UI thread never blocks. Quitting the TUI answers "none".
 */
public final class SecretPrompt implements SecretQuestion, AutoCloseable {

    private final Shell shell;
    private final Set<CompletableFuture<char[]>> open = ConcurrentHashMap.newKeySet();

    public SecretPrompt(Shell shell) {
        this.shell = shell;
    }

    @Override
    public char[] ask(String prompt) throws InterruptedException {
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        open.add(answer);
        boolean repeat = prompt.startsWith("Repeat");
        boolean creating = prompt.startsWith("New") || repeat;
        List<Line> what = creating
                ? List.of(Line.of("kroll creates the cluster's certificate authority on this machine."),
                        Line.of("Its private key is encrypted with this passphrase (at least 12 characters);"),
                        Line.of("keep it safe: every later certificate needs it.", Style.WARN))
                : List.of(Line.of("Signing certificates needs the cluster CA's passphrase."),
                        Line.of("(--ca-password-file or KROLL_CA_PASSWORD give it without asking.)", Style.DIM));
        shell.loop().invokeLater(() -> shell.open(new SecretOverlay(repeat ? "CA passphrase, again" : "CA passphrase", what,
                prompt.strip(), answer::complete)));
        try {
            return answer.get();
        } catch (ExecutionException e) {
            return null;
        } finally {
            open.remove(answer);
        }
    }

    @Override
    public void close() {
        open.forEach(f -> f.complete(null));
    }
}
