package dev.kroll.rollout.step;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.engine.ActionResult;
import dev.kroll.rollout.engine.ActionScope;
import dev.kroll.rollout.engine.RecoveryFailed;
import dev.kroll.rollout.engine.StepContext;
import dev.kroll.rollout.gate.ClusterView;
import dev.kroll.rollout.gate.ZookeeperGates;
import dev.kroll.rollout.port.HostOps;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.time.Duration;

/** Restarts one ZooKeeper server behind the quorum gates. */
final class ZookeeperRoll {

    private final StepContext ctx;
    private final Duration settle;
    private final Duration stall;

    ZookeeperRoll(StepContext ctx, Duration settle, Duration stall) {
        this.ctx = ctx;
        this.settle = settle == null ? ctx.settings().settleTimeout() : settle;
        this.stall = stall == null ? ctx.settings().stallTimeout() : stall;
    }

    ActionResult restart(ActionScope scope, int myid, ClusterView fresh) throws IOException, InterruptedException {
        Host host = scope.host();
        HostOps hosts = ctx.backend().hosts();
        ctx.awaitGate(host, "before stopping ZooKeeper myid " + myid, v -> ZookeeperGates.beforeStop(v, myid, scope.interrupted()), settle, fresh);
        scope.changing();
        scope.progress("stopping zookeeper");
        hosts.stop(host, Role.ZOOKEEPER);
        scope.progress("starting zookeeper");
        hosts.start(host, Role.ZOOKEEPER);
        try {
            ctx.awaitRecovery(host, "ZooKeeper myid " + myid + " back in the quorum", v -> ZookeeperGates.afterStart(v, myid),
                    v -> ZookeeperGates.recovery(v, myid), stall, () -> {
                        try {
                            return hosts.running(host, Role.ZOOKEEPER);
                        } catch (IOException e) {
                            return true;
                        }
                    });
        } catch (RecoveryFailed e) {
            throw KrollException.failure(host.name() + ": ZooKeeper myid " + myid + " did not rejoin the quorum after a restart: "
                    + e.getMessage() + " — look at its log, fix the cause, then run 'kroll resume'", null);
        }
        return ActionResult.changed("restarted; back in the quorum");
    }
}
