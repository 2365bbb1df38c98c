package dev.kroll.rollout.engine;

import dev.kroll.inventory.Host;
import dev.kroll.util.Errors;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs one host action on many hosts with bounded concurrency; one host's failure never hides the others' results. */
final class FanOut {

    private FanOut() {
    }

    static void run(StepContext ctx, List<Host> hosts, String action, HostWork work, int parallelism) throws InterruptedException {
        if (hosts.isEmpty()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, hosts.size())), r -> {
            Thread t = new Thread(r, "kroll-host-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Map<Host, Future<ActionOutcome>> futures = new LinkedHashMap<>();
            for (Host h : hosts) {
                futures.put(h, pool.submit(() -> ctx.hostAction(h, action, work)));
            }
            List<String> failures = new ArrayList<>();
            int exit = ExitCode.FAILURE;
            for (Map.Entry<Host, Future<ActionOutcome>> e : futures.entrySet()) {
                try {
                    e.getValue().get();
                } catch (ExecutionException ex) {
                    Throwable c = ex.getCause();
                    if (c instanceof KrollException k && k.exitCode() == ExitCode.GATE_REFUSED) {
                        exit = ExitCode.GATE_REFUSED;
                    }
                    if (c instanceof InterruptedException ie) {
                        throw ie;
                    }
                    String msg = Errors.message(c);
                    failures.add(msg.startsWith(e.getKey().name() + ":") ? msg : e.getKey().name() + ": " + msg);
                }
            }
            if (!failures.isEmpty()) {
                throw new KrollException(exit, failures.size() + " of " + hosts.size() + " hosts failed " + action + ": "
                        + String.join("; ", failures));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
