package dev.kroll.cli;

import dev.kroll.rollout.engine.RunEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/** Prints the engine's events as lines: what the TUI shows, for scripts and CI. */
final class EventPrinter implements Consumer<RunEvent> {

    private final PrintWriter out;

    EventPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void accept(RunEvent e) {
        String line = line(e);
        if (line != null) {
            out.println(line);
            out.flush();
        }
    }

    static String line(RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            return "run " + s.runId() + ": " + s.playbook() + ", " + s.steps() + " steps" + (s.attempt() > 1 ? ", attempt " + s.attempt() : "");
        }
        if (e instanceof RunEvent.StepStarted s) {
            return "[" + (s.index() + 1) + "/" + s.total() + "] " + s.title();
        }
        if (e instanceof RunEvent.HostProgress p) {
            return "    " + who(p.host()) + p.message();
        }
        if (e instanceof RunEvent.GateWaiting w) {
            return "    " + who(w.host()) + "waiting: " + w.reason();
        }
        if (e instanceof RunEvent.GatePassed g) {
            return "    " + who(g.host()) + "ok: " + g.gate() + " — " + g.detail();
        }
        if (e instanceof RunEvent.HostActionDone d) {
            String what = switch (d.outcome()) {
                case CHANGED -> "changed";
                case UNCHANGED -> "unchanged";
                case SKIPPED -> "skipped";
            };
            return "    " + who(d.host()) + d.action() + " " + what + (d.detail() == null || d.detail().isBlank() ? "" : " — " + d.detail());
        }
        if (e instanceof RunEvent.StepDone d) {
            return switch (d.outcome()) {
                case DONE -> null;
                case ALREADY_DONE -> "[" + (d.index() + 1) + "] " + d.summary();
                case SKIPPED -> "[" + (d.index() + 1) + "] " + d.type() + " " + d.summary();
            };
        }
        if (e instanceof RunEvent.Failure f) {
            // the step-level failure is repeated by RunFinished; print the host's own line only
            return f.host() == null ? null : "    " + who(f.host()) + "FAILED: " + f.message();
        }
        RunEvent.RunFinished f = (RunEvent.RunFinished) e;
        return "run " + f.runId() + " " + f.outcome().name().toLowerCase(Locale.ROOT) + ": " + f.message();
    }

    private static String who(String host) {
        return host == null ? "" : host + ": ";
    }
}
