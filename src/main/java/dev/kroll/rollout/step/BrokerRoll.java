package dev.kroll.rollout.step;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.ActionScope;
import dev.kroll.rollout.engine.RecoveryFailed;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.gate.BrokerGates;
import dev.kroll.rollout.gate.ClusterView;
import dev.kroll.rollout.port.HostOps;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rolls one broker: gate, new files, controlled stop, start, progress-based wait until it is
 * healthy. When it does not come back, its previous files ({@code .kroll-prev}) are restored and it
 * is restarted, and the action fails saying so (the run stops; a resume tries it again).
 */
final class BrokerRoll {

    private final StepContext ctx;
    private final Duration settle;
    private final Duration stall;

    BrokerRoll(StepContext ctx, Duration settle, Duration stall) {
        this.ctx = ctx;
        this.settle = settle == null ? ctx.settings().settleTimeout() : settle;
        this.stall = stall == null ? ctx.settings().stallTimeout() : stall;
    }

    /**
     * @param files          the broker's files for its new configuration (empty for a plain restart)
     * @param alwaysRestart  restart even when no file changed
     * @param what           how to name the new state in messages, e.g. "the ssl-added configuration"
     */
    ActionResult roll(ActionScope scope, int brokerId, List<RenderedFile> files, boolean alwaysRestart, String what, ClusterView fresh)
            throws IOException, InterruptedException {
        Host host = scope.host();
        HostOps hosts = ctx.backend().hosts();
        Map<Integer, String> names = ctx.brokerNames();
        ctx.awaitGate(host, "before stopping broker " + brokerId,
                v -> BrokerGates.beforeStop(v, names, brokerId, scope.interrupted()), settle, fresh);

        Set<String> changed = new LinkedHashSet<>(scope.changedByCutOffAttempt());
        if (!files.isEmpty()) {
            changed.addAll(new BackedUpFiles(hosts, scope).write(files));
        }
        // After a cut-off attempt nobody knows which configuration the running broker loaded: the engine may
        // have died between replacing a file and journaling it. Restart it; that costs at most one restart.
        if (changed.isEmpty() && !alwaysRestart && !scope.interrupted()) {
            return ActionResult.unchanged("already has " + what + "; not restarted");
        }
        scope.changing();
        try {
            restartAndAwait(scope, host, brokerId, names);
        } catch (RecoveryFailed first) {
            throw revert(scope, host, brokerId, names, new ArrayList<>(changed), what, first.getMessage());
        }
        return ActionResult.changed(changed.isEmpty() ? "restarted; healthy again"
                : "restarted with " + changed.size() + " changed file" + (changed.size() == 1 ? "" : "s") + " (" + String.join(", ", changed)
                + "); healthy again");
    }

    /** Restarts and waits until healthy; a start the service manager reports failed counts as not coming back. */
    private void restartAndAwait(ActionScope scope, Host host, int brokerId, Map<Integer, String> names)
            throws IOException, InterruptedException, RecoveryFailed {
        scope.progress("stopping kafka (controlled shutdown)");
        ctx.backend().hosts().stop(host, Role.KAFKA);
        scope.progress("starting kafka");
        try {
            ctx.backend().hosts().start(host, Role.KAFKA);
        } catch (IOException e) {
            throw new RecoveryFailed("it did not start (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        awaitHealthy(host, brokerId, names);
    }

    private void awaitHealthy(Host host, int brokerId, Map<Integer, String> names) throws InterruptedException, RecoveryFailed {
        HostOps hosts = ctx.backend().hosts();
        ctx.awaitRecovery(host, "broker " + brokerId + " healthy after restart",
                v -> BrokerGates.afterStart(v, names, brokerId), v -> BrokerGates.recovery(v, brokerId), stall,
                () -> {
                    try {
                        return hosts.running(host, Role.KAFKA);
                    } catch (IOException e) {
                        return true; // cannot tell: let the progress watch decide
                    }
                },
                // the gate looks at this broker, the partitions and the controller only: the quorum and the other
                // brokers' JMX need not be read ten times a second while it starts
                () -> ctx.snapshotOf(host),
                // until it registers, nothing else about it can pass: one ZooKeeper lookup says so
                () -> ctx.backend().probe().registered(brokerId).filter(r -> !r)
                        .map(r -> BrokerGates.notRegisteredYet(names, brokerId)));
    }

    private KrollException revert(ActionScope scope, Host host, int brokerId, Map<Integer, String> names, List<String> changed,
                                  String what, String why) throws IOException, InterruptedException {
        String failed = host.name() + ": broker " + brokerId + " did not come back healthy with " + what + ": " + why;
        if (changed.isEmpty()) {
            return KrollException.failure(failed + "; no file had changed, so there is nothing to restore"
                    + " — look at its server log, fix the cause, then run 'kroll resume'", null);
        }
        scope.progress("restoring the previous " + String.join(", ", changed) + " and restarting");
        BackedUpFiles.Restored r = new BackedUpFiles(ctx.backend().hosts(), scope).restore(changed);
        List<String> restored = r.restored();
        if (!r.leftAlone().isEmpty()) {
            failed += "; not restored: " + String.join(", ", r.leftAlone());
        }
        scope.reverted();
        try {
            restartAndAwait(scope, host, brokerId, names);
        } catch (RecoveryFailed second) {
            return KrollException.failure(failed + "; restored the previous " + String.join(", ", restored)
                    + " but it is still not healthy (" + second.getMessage() + ") — the broker needs attention before 'kroll resume'", null);
        }
        return KrollException.failure(failed + "; restored the previous " + String.join(", ", restored)
                + " and restarted it: healthy again. Fix the cause, then run 'kroll resume'", null);
    }
}
