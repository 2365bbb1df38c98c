package dev.kroll.rollout.playbook;

import dev.kroll.rollout.step.ApplyFirewallStep;
import dev.kroll.rollout.step.DistributeCertsStep;
import dev.kroll.rollout.step.Include;
import dev.kroll.rollout.step.InstallStep;
import dev.kroll.rollout.step.IssueCertsStep;
import dev.kroll.rollout.step.PreflightStep;
import dev.kroll.rollout.step.ReloadKeystoresStep;
import dev.kroll.rollout.step.RenderStep;
import dev.kroll.rollout.step.RollBrokersStep;
import dev.kroll.rollout.step.RollingRestartStep;
import dev.kroll.rollout.step.StartBrokersStep;
import dev.kroll.rollout.step.StartZookeeperEnsembleStep;
import dev.kroll.rollout.step.StepType;
import dev.kroll.rollout.step.VerifySslStep;
import dev.kroll.rollout.step.WaitQuorumStep;
import java.util.List;
import java.util.Optional;

/** Every step type a playbook may use, in the order docs/playbooks.md lists them. */
public final class StepTypes {

    public static final List<StepType> ALL = List.of(
            PreflightStep.TYPE, RenderStep.TYPE, InstallStep.TYPE, StartZookeeperEnsembleStep.TYPE, WaitQuorumStep.TYPE,
            StartBrokersStep.TYPE, IssueCertsStep.TYPE, DistributeCertsStep.TYPE, RollBrokersStep.TYPE, RollingRestartStep.TYPE,
            ReloadKeystoresStep.TYPE, VerifySslStep.TYPE, ApplyFirewallStep.TYPE, Include.TYPE);

    private StepTypes() {
    }

    public static Optional<StepType> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(StepType::name).toList();
    }
}
