package dev.kroll.tui.wizard;

import dev.kroll.rollout.port.HostKeyQuestion;
import dev.kroll.tui.Shell;
import dev.kroll.tui.overlay.ConfirmOverlay;
import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Line;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Asks the operator whether to trust an SSH host key seen for the first time, showing its fingerprint.
 * Called from a connection thread, which waits for the answer; the UI thread never blocks. The operator
 * must type {@code yes}: a single key never trusts a host. Quitting the TUI answers no.
 */
public final class HostKeyPrompt implements HostKeyQuestion, AutoCloseable {

    private final Shell shell;
    private final java.util.Set<CompletableFuture<Boolean>> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public HostKeyPrompt(Shell shell) {
        this.shell = shell;
    }

    /** Blocks the calling (connection) thread until the operator answers. */
    @Override
    public boolean trust(String host, String address, int port, String keyType, String fingerprint) throws InterruptedException {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        open.add(answer);
        shell.loop().invokeLater(() -> shell.open(ConfirmOverlay.typed("Unknown SSH host key", List.of(
                Line.of("kroll has never connected to " + host + " (" + address + ":" + port + ") before."),
                Line.EMPTY,
                Line.builder().add("  " + keyType + " ").add(fingerprint, Style.ACCENT).build(),
                Line.EMPTY,
                Line.of("Compare it with the host's own key, on its console:"),
                Line.of("  ssh-keygen -lf /etc/ssh/ssh_host_" + shortType(keyType) + "_key.pub", Style.DIM),
                Line.of("yes trusts it and records it in kroll's known_hosts (.kroll/known_hosts);"),
                Line.of("anything else, or esc, refuses: kroll does not connect to " + host + ".")), "yes",
                () -> answer.complete(true), () -> answer.complete(false))));
        try {
            return answer.get();
        } catch (ExecutionException e) {
            return false;
        } finally {
            open.remove(answer);
        }
    }

    private static String shortType(String keyType) {
        return keyType.startsWith("ssh-ed25519") ? "ed25519" : keyType.startsWith("ecdsa") ? "ecdsa" : keyType.startsWith("ssh-rsa") ? "rsa" : "*";
    }

    /** Answers no to every question still open (the TUI is closing). */
    @Override
    public void close() {
        open.forEach(f -> f.complete(false));
    }
}
