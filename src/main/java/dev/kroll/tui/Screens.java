package dev.kroll.tui;

import dev.kroll.tui.dashboard.DashboardView;
import dev.kroll.tui.dashboard.SnapshotFeed;
import dev.kroll.tui.wizard.WizardBackend;
import dev.kroll.tui.wizard.WizardView;
import java.time.Clock;
import java.time.Duration;

/** Puts kroll's screens into a shell: the wizard (home, key {@code w}) and the dashboard (key {@code d}). */
public final class Screens {

    /** How long a changed dashboard value stays highlighted. */
    public static final Duration HIGHLIGHT = Duration.ofSeconds(3);

    private Screens() {
    }

    /**
     * @param feed         live snapshots, or null when this session has no probe
     * @param noFeedReason why there is none (shown on the dashboard)
     */
    public static void install(Shell shell, WizardBackend backend, SnapshotFeed feed, String noFeedReason, Clock clock) {
        WizardView wizard = new WizardView(backend, clock);
        DashboardView dashboard = new DashboardView(feed, noFeedReason, clock, HIGHLIGHT);
        shell.home("wizard", wizard);
        shell.home("dashboard", dashboard);
        shell.show(wizard);
    }
}
