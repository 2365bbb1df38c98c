package dev.kroll.tui.wizard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wizard's state, advanced one event at a time. Mutable but confined to the UI thread; no I/O, so
 * tests feed it events directly.
 */
public final class WizardState {

    /** Where a step stands. */
    public enum Status {
        PENDING("·"), RUNNING("▶"), WAITING("◐"), DONE("✔"), FAILED("✖"), CANCELLED("■");

        private final String symbol;

        Status(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** One host in the running step. */
    public record HostRow(String host, int actions, boolean finished, boolean failed, String last, String waitingFor) {
    }

    static final int LOG_LIMIT = 1000;
    /** How the engine's preflight reports a finding the inventory accepts (rollout.preflight.Acceptances). */
    static final String ACCEPTED = "accepted [";
    static final String ACCEPTED_SUMMARY = "accepted: ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Map<Stage, Status> status = new EnumMap<>(Stage.class);
    private final Map<Stage, StagePreview> previews = new EnumMap<>(Stage.class);
    private final Map<String, HostRow> hosts = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private final Map<Stage, List<String>> accepted = new EnumMap<>(Stage.class);
    private Stage running;
    private Stage lastRun;
    private String gateReason;
    private String lastResult;
    private boolean lastOk = true;

    public WizardState() {
        for (Stage s : Stage.values()) {
            status.put(s, Status.PENDING);
        }
    }

    public Status status(Stage s) {
        return status.get(s);
    }

    public void status(Stage s, Status st) {
        status.put(s, st);
    }

    public StagePreview preview(Stage s) {
        return previews.get(s);
    }

    public void preview(Stage s, StagePreview p) {
        previews.put(s, p);
    }

    /** A step changed the cluster: what later steps would do must be worked out again. */
    public void forgetPreviewsAfter(Stage s) {
        previews.keySet().removeIf(x -> x.ordinal() > s.ordinal());
    }

    /** The stage whose progress {@link #hosts()} shows (running now, or run last), or null. */
    public Stage lastRun() {
        return lastRun;
    }

    public boolean runInProgress() {
        return running != null;
    }

    public Stage running() {
        return running;
    }

    public List<HostRow> hosts() {
        return List.copyOf(hosts.values());
    }

    public List<String> log() {
        return List.copyOf(log);
    }

    /**
     * Findings the operator accepted explicitly in the last run of {@code s} (preflight's {@code accepted
     * [check] …} lines, host first): shown as accepted, never as passing.
     */
    public List<String> accepted(Stage s) {
        return List.copyOf(accepted.getOrDefault(s, List.of()));
    }

    public String gateReason() {
        return gateReason;
    }

    public String lastResult() {
        return lastResult;
    }

    public boolean lastOk() {
        return lastOk;
    }

    /** A run of {@code stage} begins: host rows come from its preview. */
    public void begin(Stage stage) {
        running = stage;
        lastRun = stage;
        gateReason = null;
        lastResult = null;
        hosts.clear();
        accepted.remove(stage);
        status.put(stage, Status.RUNNING);
        StagePreview p = previews.get(stage);
        if (p != null) {
            p.hosts().forEach(h -> hosts.put(h, new HostRow(h, 0, false, false, "pending", null)));
        }
    }

    public void note(Instant at, String line) {
        log.add(TIME.format(at) + "  " + line);
        if (log.size() > LOG_LIMIT) {
            log.subList(0, log.size() - LOG_LIMIT).clear();
        }
    }

    /** Applies one event. */
    public void apply(WizardEvent e) {
        if (e instanceof WizardEvent.StepStarted s) {
            note(e.at(), "step: " + s.title());
        } else if (e instanceof WizardEvent.HostProgress p) {
            host(p.host(), r -> new HostRow(r.host(), r.actions(), r.finished(), r.failed(), p.message(), null));
            if (running != null && p.message().startsWith(ACCEPTED)) {
                accepted.computeIfAbsent(running, k -> new ArrayList<>()).add((p.host() == null ? "" : p.host() + ": ") + p.message());
            }
            note(e.at(), (p.host() == null ? "" : p.host() + ": ") + p.message());
        } else if (e instanceof WizardEvent.GateWaiting g) {
            gateReason = g.reason();
            if (running != null) {
                status.put(running, Status.WAITING);
            }
            if (g.host() != null) {
                host(g.host(), r -> new HostRow(r.host(), r.actions(), r.finished(), r.failed(), r.last(), g.reason()));
            }
            note(e.at(), (g.host() == null ? "" : g.host() + ": ") + "waiting (" + g.gate() + "): " + g.reason());
        } else if (e instanceof WizardEvent.GatePassed g) {
            gateReason = null;
            if (running != null) {
                status.put(running, Status.RUNNING);
            }
            if (g.host() != null) {
                host(g.host(), r -> new HostRow(r.host(), r.actions(), r.finished(), r.failed(), r.last(), null));
            }
            note(e.at(), (g.host() == null ? "" : g.host() + ": ") + g.gate() + " passed");
        } else if (e instanceof WizardEvent.HostDone d) {
            // a check or an action with nothing to do reports "unchanged"; its detail says what it found
            host(d.host(), r -> new HostRow(r.host(), r.actions() + 1, true, false, d.action()
                    + (d.changed() ? "" : d.detail() != null ? ": " + d.detail() : " (nothing to change)"), null));
            note(e.at(), d.host() + ": " + d.action() + (d.changed() ? " done" : " unchanged") + (d.detail() == null ? "" : " — " + d.detail()));
        } else if (e instanceof WizardEvent.Failure f) {
            if (f.host() != null) {
                host(f.host(), r -> new HostRow(r.host(), r.actions(), true, true, f.message(), null));
            }
            note(e.at(), "FAILED" + (f.host() == null ? "" : " on " + f.host()) + ": " + f.message());
        } else if (e instanceof WizardEvent.Finished f) {
            if (running != null) {
                status.put(running, f.ok() ? Status.DONE : f.cancelled() ? Status.CANCELLED : Status.FAILED);
            }
            lastResult = f.message();
            lastOk = f.ok();
            gateReason = null;
            running = null;
            note(e.at(), (f.ok() ? "finished: " : f.cancelled() ? "stopped: " : "failed: ") + f.message());
        }
    }

    private void host(String host, java.util.function.UnaryOperator<HostRow> change) {
        if (host == null) {
            return;
        }
        HostRow r = hosts.getOrDefault(host, new HostRow(host, 0, false, false, "", null));
        hosts.put(host, change.apply(r));
    }

    /** Hosts finished out of hosts known, for the step's progress bar. */
    public int[] progress() {
        int done = (int) hosts.values().stream().filter(HostRow::finished).count();
        return new int[] {done, hosts.size()};
    }
}
