package dev.kroll.tui.wizard;

import dev.kroll.tui.theme.Style;
import dev.kroll.tui.widget.Grid;
import dev.kroll.tui.widget.Line;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A backend the test drives by hand: previews are fixed, and each started step waits for the test to
 * send its events. (The real backend adapts the rollout engine; this one stands in for the engine at
 * the unit level only.)
 */
final class ScriptedBackend implements WizardBackend {

    static final List<String> HOSTS = List.of("kafka1", "kafka2", "kafka3");

    record Started(Stage stage, Consumer<WizardEvent> events, AtomicBoolean cancelled) {
        void send(WizardEvent e) {
            events.accept(e);
        }
    }

    final BlockingQueue<Started> started = new LinkedBlockingQueue<>();
    volatile InterruptedRun interrupted;
    volatile boolean resumed;

    @Override
    public StagePreview preview(Stage stage) {
        return switch (stage) {
            case INVENTORY -> new StagePreview(true, List.of(Line.of("cluster.yaml: 3 hosts, each zookeeper + kafka")),
                    new Grid(List.of(Grid.Column.left("host", 8), Grid.Column.left("roles", 16)),
                            HOSTS.stream().map(h -> new Grid.Row(h, List.of(Grid.Cell.of(h), Grid.Cell.of("zookeeper, kafka")))).toList()),
                    List.of(), List.of());
            case PLAN -> new StagePreview(true, List.of(Line.of("IDs and heaps:")),
                    new Grid(List.of(Grid.Column.left("host", 8), Grid.Column.right("broker", 6), Grid.Column.right("heap", 5),
                            Grid.Column.left("why", 30)),
                            HOSTS.stream().map(h -> new Grid.Row(h, List.of(Grid.Cell.of(h), Grid.Cell.of(h.substring(5)), Grid.Cell.of("1g"),
                                    Grid.Cell.of("25% of 4 GiB RAM, page cache gets the rest")))).toList()),
                    List.of(Line.of("--- kafka1:/etc/kafka/server.properties", Style.DIM), Line.of("+broker.id=1", Style.OK)), List.of());
            case DASHBOARD -> StagePreview.unavailable("not a run");
            default -> new StagePreview(true, List.of(Line.of("preview of " + stage.title())), null, List.of(), HOSTS);
        };
    }

    @Override
    public RunControl start(Stage stage, Consumer<WizardEvent> events) {
        AtomicBoolean cancelled = new AtomicBoolean();
        started.add(new Started(stage, events, cancelled));
        return () -> cancelled.set(true);
    }

    @Override
    public Optional<InterruptedRun> interrupted() {
        return Optional.ofNullable(interrupted);
    }

    @Override
    public RunControl resume(InterruptedRun run, Consumer<WizardEvent> events) {
        resumed = true;
        return start(run.stage(), events);
    }

    Started next() throws InterruptedException {
        Started s = started.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no step was started");
        }
        return s;
    }

    /** Every host done, then the step finished. */
    static void completeAll(Started s, String action) {
        Instant t = Instant.parse("2025-05-01T10:00:00Z");
        for (String h : HOSTS) {
            s.send(new WizardEvent.HostProgress(t, h, action + "…"));
            s.send(new WizardEvent.HostDone(t, h, action, true, null));
        }
        s.send(new WizardEvent.Finished(t, true, false, s.stage().title() + " finished"));
    }
}
